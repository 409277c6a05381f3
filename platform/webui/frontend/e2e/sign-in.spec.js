import { expect, test } from '@playwright/test';
import { kilobytes, signIn, weigh } from './people.js';

// A village clerk signs in, finds the households of the village, searches them and signs out; a wrong password is
// explained and the user name stays typed. Screenshots go to target/ (docs/screenshots/ with UPDATE_SCREENSHOTS=1).
const shots = process.env.UPDATE_SCREENSHOTS ? '../../../docs/screenshots' : '../target/screenshots';

test('a wrong password is explained and what was typed stays', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/#\/login/);
  await page.getByLabel('用户名').fill('clerk');
  await page.getByLabel('密码', { exact: true }).fill('wrong-password');
  await page.getByRole('button', { name: '登录' }).click();

  await expect(page.getByRole('alert')).toContainText('用户名或密码');
  await expect(page.getByLabel('用户名')).toHaveValue('clerk');
});

test('a village clerk signs in to the households of the village, searches them and signs out', async ({ page }) => {
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  // what travels until the list is shown (compressed, as the platform sends it): measured, written to the log
  const transfers = weigh(page);
  await page.goto('/');
  await page.screenshot({ path: `${shots}/sign-in.png` });
  await page.getByLabel('用户名').fill('clerk');
  await page.getByLabel('密码', { exact: true }).fill('fupin-demo');
  const started = Date.now();
  await page.getByRole('button', { name: '登录' }).click();

  const rows = page.locator('[data-test=households] .el-table__body tbody tr');
  await expect(rows.first()).toBeVisible();
  console.log(`household list shown ${Date.now() - started} ms after sign-in; `
    + `${kilobytes(transfers)} KB received since the page was opened`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('北崖村');
  await expect(page.locator('.el-pagination__total')).toContainText(/共 \d+ 条/);
  await page.screenshot({ path: `${shots}/households.png`, fullPage: true });

  const head = (await rows.first().locator('td').first().innerText()).trim();
  await page.getByLabel('姓名或身份证号').fill(head.slice(0, 1));
  await page.getByRole('button', { name: '查询' }).click();
  await expect(rows.first().locator('td').first()).toContainText(head.slice(0, 1));

  await page.getByRole('button', { name: '退出' }).click();
  await expect(page).toHaveURL(/#\/login/);
  expect(problems, 'no error in the console, no policy violation').toEqual([]);
});

test('a household record shows its members, 两不愁三保障 and every program the county runs', async ({ page }) => {
  await signIn(page, 'clerk', 'fupin-demo');
  const first = page.locator('[data-test=households] .el-table__body tbody tr').first().locator('a');
  const head = (await first.innerText()).trim();
  await first.click();

  await expect(page.getByRole('heading', { level: 1 })).toContainText(head);
  await expect(page.locator('[data-test=members] .el-table__body tbody tr').first()).toContainText(head);
  await expect(page.locator('[data-test=assurances] li')).toHaveCount(6);
  await expect(page.locator('[data-test=programs] [data-test=program]')).toHaveCount(6);
  await expect(page.locator('[data-test=programs]')).toContainText('雨露计划');
  await expect(page.locator('[data-test=programs]')).toContainText('扶贫小额信贷');
  await page.screenshot({ path: `${shots}/household.png`, fullPage: true });
});

test('after an administrator resets a password, the user sets their own before anything else', async ({ page, request }) => {
  const admin = await (await request.post('/api/v1/auth/login', { data: { username: 'admin', password: 'fupin-demo' } })).json();
  const headers = { Authorization: `Bearer ${admin.token}` };
  const name = `e2e${Date.now() % 100000}`;
  expect((await request.post('/api/v1/admin/users', { headers, data: { username: name, displayName: '测试村干部',
    password: 'first-password-1', region: '620502101202', roles: ['VILLAGE_CLERK'] } })).status()).toBe(201);
  expect((await request.post(`/api/v1/admin/users/${name}/password`, { headers,
    data: { temporaryPassword: 'temporary-pass-1' } })).status()).toBe(200);

  await signIn(page, name, 'temporary-pass-1');
  await expect(page).toHaveURL(/#\/password/);
  await page.getByLabel('临时密码').fill('temporary-pass-1');
  await page.getByLabel('新密码（10–128 个字符）').fill('short');
  await page.getByLabel('再次输入新密码').fill('short');
  await page.getByRole('button', { name: '保存新密码' }).click();
  await expect(page.getByText('10')).toBeVisible();
  await expect(page.getByLabel('临时密码')).toHaveValue('temporary-pass-1');

  await page.getByLabel('新密码（10–128 个字符）').fill('my-own-password-1');
  await page.getByLabel('再次输入新密码').fill('my-own-password-1');
  await page.getByRole('button', { name: '保存新密码' }).click();
  await expect(page.locator('[data-test=households] .el-table__body tbody tr').first()).toBeVisible();
});


test('a county officer goes down to a township, exports what is shown to Excel and comes back up', async ({ page }) => {
  await signIn(page, 'qinzhou', 'fupin-demo');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('秦州区');
  const countyTotal = await page.locator('.el-pagination__total').innerText();

  // the list of townships is long: type to find one, as a user would
  await page.getByRole('combobox', { name: '下级区域' }).fill('太京');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('太京镇');
  await expect(page.locator('.el-pagination__total')).not.toHaveText(countyTotal);
  await expect(page.getByRole('navigation', { name: '所在区域' })).toContainText('秦州区');

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/);

  await page.getByRole('navigation', { name: '所在区域' }).getByRole('button', { name: '秦州区' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('秦州区');
});

test('a county administrator switches a program off and on and sets a parameter from next year', async ({ page }) => {
  await signIn(page, 'qinzhou', 'fupin-demo');
  await page.getByRole('link', { name: '帮扶项目' }).click();
  const yulu = page.locator('[data-test=programs] li', { hasText: '雨露计划' });
  const running = yulu.getByRole('switch', { name: '雨露计划 本县开展' });
  await expect(running).toBeChecked();
  // the switch's input is drawn by Element Plus's track beside it: click the track, as a user does
  await yulu.locator('.el-switch').click();
  await expect(running).not.toBeChecked();
  await yulu.locator('.el-switch').click();
  await expect(running).toBeChecked();

  await yulu.getByRole('button', { name: '参数' }).click();
  const year = new Date().getFullYear() + 1;
  await page.getByLabel('自哪一年起执行').fill(String(year));
  const amount = yulu.getByLabel('每学期补助标准');
  await amount.fill('99999');
  await page.getByRole('button', { name: '保存参数' }).click();
  await expect(yulu.getByRole('alert')).toBeVisible();
  await expect(amount).toHaveValue('99999.00');

  await amount.fill('1600');
  await page.getByRole('button', { name: '保存参数' }).click();
  await expect(page.getByRole('status')).toContainText(`自 ${year} 年起执行`);
  await expect(yulu).toContainText(`本县，${year} 年起`);
  await page.screenshot({ path: `${shots}/programs.png`, fullPage: true });
});

test('a province administrator sees the platform serving and a refused plugin explained', async ({ page }) => {
  await signIn(page, 'admin', 'fupin-demo');
  await page.getByRole('link', { name: '平台管理' }).click();
  await expect(page.locator('[data-test=health]')).toContainText('正常服务');
  await expect(page.locator('[data-test=plugins]')).toContainText('org.fupin.yulu');

  await page.getByLabel(/上传或升级插件/).setInputFiles({ name: 'health.jar', mimeType: 'application/java-archive',
    buffer: Buffer.from('this is no jar') });
  await page.getByRole('button', { name: '上传', exact: true }).click();
  await expect(page.locator('[data-test=verdict]')).toContainText('未通过');
  await expect(page.locator('[data-test=verdict]')).toContainText('file');
  await expect(page.locator('[data-test=plugins]')).toContainText('org.fupin.yulu');
  await page.screenshot({ path: `${shots}/platform.png`, fullPage: true });
});

test('an auditor reads the county masked and is offered nothing to change', async ({ page }) => {
  await signIn(page, 'auditor', 'fupin-demo');
  const rows = page.locator('[data-test=households] .el-table__body tbody tr');
  await expect(rows.first()).toBeVisible();
  await expect(rows.first().locator('td').nth(1)).toContainText('********');
  await expect(page.getByRole('link', { name: '帮扶项目' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: '平台管理' })).toHaveCount(0);

  await rows.first().locator('a').click();
  await expect(page.locator('[data-test=members]')).toContainText('********');
  await expect(page.locator('[data-test=history]')).toBeVisible();
  // nothing to change: the only buttons are going back and signing out
  await expect(page.getByRole('button')).toHaveText(['退出', '返回']);
  await expect(page.locator('[data-test=audit-trail]')).toBeVisible();
});

test('a village clerk registers a household and fixes what the platform refused', async ({ page }) => {
  await signIn(page, 'clerk', 'fupin-demo');
  await page.getByRole('button', { name: '登记新户' }).click();
  await page.getByLabel('村民小组').fill('三组');
  await page.getByRole('combobox', { name: '主要致贫原因' }).fill('因病');
  await page.keyboard.press('Enter');
  await page.getByLabel('姓名', { exact: true }).fill('测试户主');
  await page.locator('[data-test=member-0] .el-select').first().click();
  await page.getByRole('option', { name: '男', exact: true }).click();
  await page.getByLabel('身份证号', { exact: true }).fill('620502198203147210');
  await page.getByRole('button', { name: '保存' }).click();

  const idError = page.locator('[data-test=member-0]').locator('.error');
  await expect(idError).toHaveCount(1);
  await expect(idError).toContainText('身份证号');
  await page.screenshot({ path: `${shots}/new-household.png`, fullPage: true });
  await expect(page.getByLabel('姓名', { exact: true })).toHaveValue('测试户主');
  await page.getByLabel('身份证号', { exact: true }).fill('620502198203147216');
  await page.getByRole('button', { name: '保存' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toContainText('测试户主');
  await expect(page.locator('[data-test=members]')).toContainText('620502198203147216');
});

test('a session that ends while a household is typed loses nothing: signed in again, the form is back', async ({ page, request }) => {
  await signIn(page, 'clerk', 'fupin-demo');
  await page.getByRole('button', { name: '登记新户' }).click();
  await page.getByLabel('村民小组').fill('五组');
  await page.getByLabel('姓名', { exact: true }).fill('未保存的户主');
  // the session ends elsewhere (as when it expires)
  const token = await page.evaluate(() => sessionStorage.getItem('fupin.token'));
  expect((await request.post('/api/v1/auth/logout', { headers: { Authorization: `Bearer ${token}` } })).ok()).toBe(true);

  await page.getByRole('button', { name: '保存' }).click();
  await expect(page).toHaveURL(/#\/login/);
  await page.getByLabel('用户名').fill('clerk');
  await page.getByLabel('密码', { exact: true }).fill('fupin-demo');
  await page.getByRole('button', { name: '登录' }).click();

  await expect(page).toHaveURL(/#\/households\/new/);
  await expect(page.getByLabel('村民小组')).toHaveValue('五组');
  await expect(page.getByLabel('姓名', { exact: true })).toHaveValue('未保存的户主');
});
