import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

// Imports of households: a village clerk imports a CSV of two households, one with a wrong ID number, follows the
// job to its end, reads and downloads the rejections and finds the stored household in the list; a county
// administrator checks a workbook first (nothing stored) and then imports it; files that are no import refused at once.
const shots = process.env.UPDATE_SCREENSHOTS ? '../../../docs/screenshots' : '../target/screenshots';
const fixture = (name) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

// GB 11643: the check character of an ID number's first 17 digits
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const check = (body) => '10X98765432'[[...body].reduce((sum, digit, i) => sum + Number(digit) * WEIGHTS[i], 0) % 11];
// Sequence numbers 999 (a man) and 000 (a woman) are never handed out by the demo county, so these people are new.
const person = (birth, sex) => {
  const body = `620502${birth}${sex === 'MALE' ? '999' : '000'}`;
  return body + check(body);
};
const wrongCheck = (birth) => {
  const body = `620502${birth}997`;
  return body + (check(body) === '0' ? '1' : '0');
};

/** Two households of 北崖村 as a clerk's spreadsheet has them: the second head's ID number has a wrong check digit. */
function twoHouseholds() {
  const rows = [
    '户编号,村代码,村民小组,联系电话,识别标准,贫困户属性,主要致贫原因,户状态,识别年度,住房面积,房屋结构,是否通电,'
      + '姓名,性别,身份证号,与户主关系,民族,文化程度,健康状况,劳动能力,务工状况,务工月数',
    `BY-01,620502101202,二组,13909381234,国家标准,一般贫困户,因病,未脱贫,2014,72,砖瓦砖木,是,宓晓峰,男,${person('19780312', 'MALE')},户主,汉族,初中,长期慢性病,普通劳动力,县内务工,6`,
    `BY-01,620502101202,,,,,,,,,,,马秀英,女,${person('19800521', 'FEMALE')},配偶,汉族,小学,健康,普通劳动力,未务工,0`,
    `BY-01,620502101202,,,,,,,,,,,宓建军,男,${person('20050114', 'MALE')},子,汉族,高中,健康,技能劳动力,省外务工,10`,
    `BY-02,620502101202,四组,,国家标准,一般贫困户,缺资金,未脱贫,2015,54,竹草土坯,是,苏永福,男,${wrongCheck('19690807')},户主,汉族,小学,健康,普通劳动力,未务工,0`,
  ];
  return Buffer.from(`${rows.join('\r\n')}\r\n`, 'utf8');
}

async function signIn(page, username) {
  await page.goto('/');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill('fupin-demo');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('link', { name: '导入', exact: true })).toBeVisible();
}

test('a village clerk imports two households, one refused for its ID number, and finds the other in the list', async ({ page }) => {
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await signIn(page, 'clerk');
  await page.getByRole('link', { name: '导入', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('导入建档立卡户');

  await page.getByLabel('导入文件（CSV 或 XLSX）').setInputFiles({ name: '北崖村新识别户.csv', mimeType: 'text/csv',
    buffer: twoHouseholds() });
  await expect(page.getByText('已选择：北崖村新识别户.csv')).toBeVisible();
  await page.getByRole('button', { name: '导入', exact: true }).click();

  // the job is followed to its end: all of the file read, one stored, one rejected with the reason
  const job = page.locator('[data-test=job]');
  await expect(job.getByRole('heading', { level: 2 })).toContainText('导入：北崖村新识别户.csv');
  await expect(job.locator('[data-test=state]')).toHaveText('已完成');
  await expect(job.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
  await expect(job.locator('[data-test=done]')).toContainText(/已读 (\S+ \S+) \/ \1/);
  await expect(job.locator('[data-test=stored]')).toHaveText('1');
  await expect(job.locator('[data-test=unchanged]')).toHaveText('0');
  await expect(job.locator('[data-test=rejected]')).toHaveText('1');
  await expect(job.locator('[data-test=outcome]')).toContainText('已保存 1 户，未变 0 户，未导入 1 户');
  const rejection = job.locator('[data-test=rejections] .el-table__body tbody tr');
  await expect(rejection).toHaveCount(1);
  await expect(rejection.locator('td')).toHaveText(['5', 'BY-02', '身份证号', /身份证号校验位错误（应为 \S）/]);
  await page.screenshot({ path: `${shots}/imports.png`, fullPage: true });

  // every rejection as a file for Excel
  const downloading = page.waitForEvent('download');
  await job.getByRole('button', { name: '下载问题清单 CSV' }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toMatch(/^rejections-[0-9a-f]{8}\.csv$/);
  const rejections = readFileSync(await file.path(), 'utf8');
  expect(rejections).toContain('行号,户编号,列,原因');
  expect(rejections).toMatch(/5,BY-02,身份证号,身份证号校验位错误/);

  // the import is among the region's imports
  const earlier = page.locator('[data-test=jobs] .el-table__body tbody tr').first();
  await expect(earlier).toContainText('clerk');
  await expect(earlier).toContainText('导入北崖村新识别户.csv');
  await expect(earlier).toContainText('已完成');

  // and the household stored is in the register
  await job.getByRole('link', { name: '在建档立卡户中查看' }).click();
  await page.getByLabel('姓名或身份证号').fill('宓晓峰');
  await page.getByRole('button', { name: '查询' }).click();
  const found = page.locator('[data-test=households] .el-table__body tbody tr');
  await expect(found).toHaveCount(1);
  await expect(found).toContainText('宓晓峰');
  await expect(found).toContainText('北崖村');
  await expect(found.locator('td').nth(4)).toHaveText('3');
  expect(problems, 'no error in the console, no policy violation').toEqual([]);
});

test('a county administrator checks a workbook first, nothing stored, then imports it', async ({ page }) => {
  await signIn(page, 'qinzhou');
  await page.getByRole('link', { name: '导入', exact: true }).click();
  await page.getByLabel('导入文件（CSV 或 XLSX）').setInputFiles({ name: '东山村新识别户.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: fixture('dongshan.xlsx') });
  await page.getByRole('button', { name: '检查（不保存）' }).click();

  const job = page.locator('[data-test=job]');
  await expect(job.getByRole('heading', { level: 2 })).toContainText('检查：东山村新识别户.xlsx');
  await expect(job.locator('[data-test=state]')).toHaveText('已完成');
  await expect(job.locator('[data-test=outcome]')).toContainText('检查完毕，没有保存任何户：可保存 1 户');
  await expect(job.locator('[data-test=done]')).toHaveText('已读 3 行');
  await expect(job.getByRole('button', { name: '下载问题清单 CSV' })).toHaveCount(0);

  await job.getByRole('button', { name: '导入此文件' }).click();
  await expect(job.getByRole('heading', { level: 2 })).toContainText('导入：东山村新识别户.xlsx');
  await expect(job.locator('[data-test=outcome]')).toContainText('导入完毕：已保存 1 户，未变 0 户，未导入 0 户');

  // both are listed, newest first; the check opens again from the list
  const rows = page.locator('[data-test=jobs] .el-table__body tbody tr');
  await expect(rows.nth(0)).toContainText('导入东山村新识别户.xlsx');
  await expect(rows.nth(1)).toContainText('检查东山村新识别户.xlsx');
  await rows.nth(1).getByRole('button', { name: /查看/ }).click();
  await expect(job.getByRole('heading', { level: 2 })).toContainText('检查：东山村新识别户.xlsx');
  await expect(job.locator('[data-test=stored]')).toHaveText('1');

  // imported again, the household is already there: unchanged, not stored twice
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await expect(job.locator('[data-test=outcome]')).toContainText('导入完毕：已保存 0 户，未变 1 户，未导入 0 户');
});

test('a file that is no import is refused at once with the reason, and stays chosen', async ({ page }) => {
  await signIn(page, 'clerk');
  await page.goto('/#/imports');
  const input = page.getByLabel('导入文件（CSV 或 XLSX）');
  const reason = page.locator('[data-test=file-error]');

  // not a CSV or XLSX file: not even sent
  await input.setInputFiles({ name: '村委会照片.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0]) });
  await page.getByRole('button', { name: '检查（不保存）' }).click();
  await expect(reason).toContainText('“村委会照片.jpg”不是 CSV 或 XLSX 文件');

  // a CSV whose columns are not the import's: the platform's reason beside the file, nothing started
  await input.setInputFiles({ name: '旧台账.csv', mimeType: 'text/csv', buffer: fixture('old-ledger.csv') });
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await expect(reason).toContainText('表头有误');
  await expect(reason).toContainText('未知列 [序号, 户主姓名');
  await expect(reason).toContainText('缺少必填列');
  await expect(page.locator('[data-test=job]')).toHaveCount(0);
  await expect(page.getByText('已选择：旧台账.csv')).toBeVisible();
  await expect(input).toHaveValue(/旧台账\.csv$/);
});
