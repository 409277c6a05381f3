import { expect, test } from '@playwright/test';

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
  await page.goto('/');
  await page.screenshot({ path: `${shots}/sign-in.png` });
  await page.getByLabel('用户名').fill('clerk');
  await page.getByLabel('密码', { exact: true }).fill('fupin-demo');
  const started = Date.now();
  await page.getByRole('button', { name: '登录' }).click();

  const rows = page.locator('[data-test=households] .el-table__body tbody tr');
  await expect(rows.first()).toBeVisible();
  console.log(`household list shown ${Date.now() - started} ms after sign-in`);
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
