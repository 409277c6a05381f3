import { expect, test } from '@playwright/test';
import { choose, household, idNumber, signIn, signInApi } from './people.js';

// A household's life on its record: edited whole, a version conflict explained, members joining and leaving, a status
// change with its reason, the history and the audit trail; the clerk's screens on a phone; the same in English.
const shots = process.env.UPDATE_SCREENSHOTS ? '../../../docs/screenshots' : '../target/screenshots';
const field = (page, id) => page.locator('.field', { has: page.locator(`#${id}`) });

test('a village clerk edits a household: a refused phone number explained beside it, then an income year added', async ({ page, request }) => {
  const clerk = await signInApi(request, 'clerk');
  const { id } = await household(request, clerk, '修改测试');
  await signIn(page, 'clerk');
  await page.goto(`/#/households/${id}`);
  await page.getByRole('button', { name: '修改户信息' }).click();

  await page.getByLabel('联系电话').fill('123');
  await page.getByRole('button', { name: '增加一年收入' }).click();
  await page.getByLabel('工资性收入').fill('12000');
  await page.getByLabel('生产经营性收入').fill('3000.5');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(field(page, 'phone').locator('.error')).toContainText('电话');
  await expect(page.getByLabel('工资性收入')).toHaveValue('12000.00');
  await page.screenshot({ path: `${shots}/edit-household.png`, fullPage: true });

  await page.getByLabel('联系电话').fill('13893812345');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('修改测试');
  await expect(page.locator('[data-test=incomes]')).toContainText('15,000.50');
  await expect(page.locator('.facts')).toContainText('13893812345');
});

test('someone else changed the household meanwhile: the conflict is explained and a reload lets the edit through', async ({ page, request }) => {
  const clerk = await signInApi(request, 'clerk');
  const { id } = await household(request, clerk, '冲突测试');
  await signIn(page, 'clerk');
  await page.goto(`/#/households/${id}/edit`);
  await page.getByLabel('村民小组').fill('二组');

  // a township officer's change lands first
  const stored = await (await request.get(`/api/v1/households/${id}`, { headers: clerk })).json();
  expect((await request.put(`/api/v1/households/${id}`, { headers: clerk,
    data: { ...stored, villageGroup: '七组' } })).status()).toBe(200);

  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.locator('[data-test=stale]')).toContainText('别人已修改了这一户');
  await expect(page.getByLabel('村民小组')).toHaveValue('二组');
  await page.getByRole('button', { name: /重新读取/ }).click();
  await expect(page.getByLabel('村民小组')).toHaveValue('七组');
  await page.getByLabel('村民小组').fill('二组');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.locator('.place')).toContainText('二组');
});

test('a member is born and another leaves, the household exits poverty: each with its reason in the history and the audit trail', async ({ page, request }) => {
  const clerk = await signInApi(request, 'clerk');
  const { id } = await household(request, clerk, '变更测试');
  await signIn(page, 'clerk');
  await page.goto(`/#/households/${id}`);

  await page.getByRole('button', { name: '成员加入' }).click();
  const join = page.getByRole('dialog', { name: '成员加入' });
  await join.getByLabel('姓名', { exact: true }).fill('变更测试女儿');
  await choose(join, 'sex-join', '女');
  await join.getByLabel('身份证号', { exact: true }).fill(idNumber('20240506', 'FEMALE'));
  await choose(join, 'relation-join', '女');
  await join.getByRole('button', { name: '成员加入' }).click();
  // no reason given: the platform's reason is beside the field, the dialog keeps what was typed
  await expect(join.locator('.field', { has: page.locator('#join-reason') }).locator('.error')).toBeVisible();
  await choose(join, 'join-reason', '出生');
  await join.getByRole('button', { name: '成员加入' }).click();
  await expect(join).toBeHidden();
  await expect(page.locator('[data-test=members]')).toContainText('变更测试女儿');

  await page.getByRole('button', { name: '变更测试女儿 离开本户' }).click();
  const leave = page.getByRole('dialog', { name: '变更测试女儿 离开本户' });
  await choose(leave, 'leave-reason', '其他');
  await leave.getByLabel('备注').fill('随母迁出');
  await leave.getByRole('button', { name: '变更测试女儿 离开本户' }).click();
  await expect(leave).toBeHidden();
  await expect(page.locator('[data-test=members]')).not.toContainText('变更测试女儿');

  await page.getByRole('button', { name: '变更户状态' }).click();
  const change = page.getByRole('dialog', { name: '变更户状态' });
  await choose(change, 'new-status', '已脱贫');
  await change.getByLabel('变更原因').fill('人均纯收入超过标准，两不愁三保障达标');
  await change.getByRole('button', { name: '变更户状态' }).click();
  await expect(change).toBeHidden();
  await expect(page.locator('[data-test=status]')).toHaveText('已脱贫');

  const history = page.locator('[data-test=history]');
  await expect(history).toContainText('户状态：未脱贫 → 已脱贫');
  await expect(history).toContainText('人均纯收入超过标准');
  await expect(history).toContainText('变更测试女儿 加入（出生）');
  await expect(history).toContainText('变更测试女儿 离开（其他）');

  // the county administrator reads who did what
  await page.getByRole('button', { name: '退出' }).click();
  await signIn(page, 'qinzhou');
  await page.goto(`/#/households/${id}`);
  const trail = page.locator('[data-test=audit-trail]');
  await expect(trail.locator('tbody tr')).toHaveCount(4);
  await expect(trail).toContainText('登记');
  await expect(trail).toContainText('成员加入');
  await expect(trail).toContainText('成员离开');
  await expect(trail).toContainText('状态变更');
  await expect(trail).toContainText('clerk');
  await page.screenshot({ path: `${shots}/household-history.png`, fullPage: true });
});

test('on a phone a village clerk finds a household, reads it and registers one, nothing wider than the screen', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  const page = await context.newPage();
  const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  await signIn(page, 'clerk');
  const rows = page.locator('[data-test=households] .el-table__body tbody tr');
  await expect(rows.first()).toBeVisible();
  expect(await fits(), 'the list fits the screen').toBe(true);
  const status = await page.locator('[data-test=households] th', { hasText: '户状态' }).boundingBox();
  expect(status.x + status.width, 'the status column is on the screen').toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${shots}/phone-households.png` });

  await rows.first().locator('a').click();
  await expect(page.locator('[data-test=members]')).toBeVisible();
  expect(await fits(), 'the record fits the screen').toBe(true);

  await page.goto('/#/households/new');
  await expect(page.getByLabel('村民小组')).toBeVisible();
  expect(await fits(), 'the registration form fits the screen').toBe(true);
  await page.screenshot({ path: `${shots}/phone-new-household.png`, fullPage: true });
  await context.close();
});

test('in English the screens and the platform\'s reasons are in English, and the choice stays after signing out', async ({ page, request }) => {
  const clerk = await signInApi(request, 'clerk');
  const { id } = await household(request, clerk, '英文测试');
  await page.goto('/');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByLabel('User name').fill('clerk');
  await page.getByLabel('Password', { exact: true }).fill('fupin-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Households of');

  await page.goto(`/#/households/${id}/edit`);
  await page.getByLabel('Phone').fill('123');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(field(page, 'phone').locator('.error')).toContainText('phone');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
});

test('the keyboard alone signs in and opens a household', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('用户名').focus();
  await page.keyboard.type('clerk');
  await page.keyboard.press('Tab');
  await page.keyboard.type('fupin-demo');
  await page.keyboard.press('Enter');
  const first = page.locator('[data-test=households] .el-table__body tbody tr').first().locator('a');
  await expect(first).toBeVisible();
  await first.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-test=members]')).toBeVisible();
});

test('a session that ends while a status change is typed loses nothing: signed in again, the reason is still there', async ({ page, request }) => {
  const clerk = await signInApi(request, 'clerk');
  const { id } = await household(request, clerk, '会话测试');
  await signIn(page, 'clerk');
  await page.goto(`/#/households/${id}`);
  await page.getByRole('button', { name: '变更户状态' }).click();
  const change = page.getByRole('dialog', { name: '变更户状态' });
  await choose(change, 'new-status', '已脱贫');
  await change.getByLabel('变更原因').fill('年人均纯收入达标');
  const token = await page.evaluate(() => sessionStorage.getItem('fupin.token'));
  expect((await request.post('/api/v1/auth/logout', { headers: { Authorization: `Bearer ${token}` } })).ok()).toBe(true);

  await change.getByRole('button', { name: '变更户状态' }).click();
  await expect(page).toHaveURL(/#\/login/);
  await page.getByLabel('用户名').fill('clerk');
  await page.getByLabel('密码', { exact: true }).fill('fupin-demo');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(new RegExp(`#/households/${id}$`));
  await page.getByRole('button', { name: '变更户状态' }).click();
  await expect(page.getByRole('dialog', { name: '变更户状态' }).getByLabel('变更原因')).toHaveValue('年人均纯收入达标');
});
