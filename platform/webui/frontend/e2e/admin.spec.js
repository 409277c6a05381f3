import { existsSync, readFileSync, rmSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { expect, test } from '@playwright/test';

// Administration: a county administrator manages a village clerk's account, an auditor finds what that wrote in the
// audit log, a province administrator installs and removes a plugin of its own (never a shipped one: the journeys
// after this file use them) and sets a province parameter. Screenshots as in sign-in.spec.js.
const shots = process.env.UPDATE_SCREENSHOTS ? '../../../docs/screenshots' : '../target/screenshots';
// one new user per run: the platform of a run is fresh, but a name that differs from run to run is easy to find
const clerk = `clerk${Date.now() % 100000}`;

async function signIn(page, username, password) {
  await page.goto('/');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** Types into a filterable select and takes the first match, as a user does. */
async function choose(scope, name, text) {
  const box = scope.getByRole('combobox', { name });
  await box.fill(text);
  await box.press('Enter');
}

test('a county administrator creates a village clerk, fixes what was refused, resets the password and disables the user', async ({ page, browser }) => {
  await signIn(page, 'qinzhou', 'fupin-demo');
  await page.getByRole('link', { name: '用户' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('秦州区');
  const users = page.locator('[data-test=users]');
  await expect(users).toContainText('村级信息员');

  await page.getByRole('button', { name: '新建用户' }).click();
  const form = page.getByRole('dialog', { name: '新建用户' });
  // at the county's own level: no province administrator, ever, for a county administrator
  await expect(form.getByRole('checkbox', { name: '县级管理员' })).toHaveCount(1);
  await expect(form.getByRole('checkbox', { name: '省级管理员' })).toHaveCount(0);
  await form.getByLabel('用户名').fill(clerk);
  await form.getByLabel('显示名称').fill('测试村级信息员');
  await form.getByLabel(/初始密码/).fill('short');
  await choose(form, '乡镇（街道）', '太京');
  await choose(form, '村（社区）', '北崖');
  await expect(form.getByRole('checkbox', { name: '县级管理员' })).toHaveCount(0);
  // Element Plus draws the box beside its (hidden) input: click the role's name, as a user does
  await form.getByText('村级信息员', { exact: true }).click();
  await expect(form.getByRole('checkbox', { name: '村级信息员' })).toBeChecked();
  await form.getByRole('button', { name: '保存' }).click();

  // refused: the reason beside the password, everything typed still there
  await expect(form.locator('.error')).toHaveCount(1);
  await expect(form.locator('.error')).toContainText('10 至 128');
  await expect(form.getByLabel('用户名')).toHaveValue(clerk);
  await expect(form.locator('.levels')).toContainText('北崖村民委员会');
  await form.getByLabel(/初始密码/).fill('first-password-1');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('status')).toContainText(`已创建用户 ${clerk}`);
  const row = users.locator('tbody tr', { hasText: clerk });
  await expect(row).toContainText('村级信息员');
  await expect(row).toContainText('北崖');
  await expect(row).toContainText('正常');

  await row.getByRole('button', { name: '重置密码' }).click();
  const reset = page.getByRole('dialog', { name: `重置 ${clerk} 的密码` });
  await reset.getByLabel(/临时密码/).fill('temporary-pass-1');
  await reset.getByRole('button', { name: '重置密码' }).click();
  await expect(reset.locator('[data-test=temporary]')).toContainText('temporary-pass-1');
  await reset.getByRole('button', { name: '关闭', exact: true }).click();
  await expect(row).toContainText('须修改密码');

  await row.getByRole('button', { name: '停用' }).click();
  const stop = page.getByRole('dialog', { name: `停用用户 ${clerk}？` });
  await expect(stop).toContainText('不能登录');
  await stop.getByRole('button', { name: '确认停用' }).click();
  await expect(stop).toBeHidden();
  await expect(row).toContainText('已停用');
  await expect(row.getByRole('button', { name: '启用' })).toBeVisible();
  await expect(page.locator('.el-overlay:visible')).toHaveCount(0);
  await page.screenshot({ path: `${shots}/users.png`, fullPage: true });

  // the disabled user cannot sign in, even with the password just given
  const other = await browser.newPage();
  await signIn(other, clerk, 'temporary-pass-1');
  await expect(other.getByRole('alert')).toContainText('用户名或密码');
  await other.close();
});

test('an auditor finds in the audit log what the administrator did to the account', async ({ page }) => {
  await signIn(page, 'auditor', 'fupin-demo');
  await page.getByRole('link', { name: '审计日志' }).click();
  await choose(page, '对象类型', '用户账号');
  await page.getByLabel('对象编号').fill(clerk);
  await page.getByRole('button', { name: '查询' }).click();

  const rows = page.locator('[data-test=entries] tbody tr');
  await expect(rows).toHaveCount(4);
  // newest first: the refused sign-in of the disabled user, and why
  await expect(rows.nth(0)).toContainText('登录失败');
  await expect(rows.nth(0)).toContainText('原因：账号已停用');
  await expect(rows.nth(1)).toContainText('停用');
  await expect(rows.nth(1)).toContainText('qinzhou');
  await expect(rows.nth(1)).toContainText('启用：是 → 否');
  await expect(rows.nth(2)).toContainText('重置密码');
  await expect(rows.nth(3)).toContainText('创建');
  await expect(rows.nth(3)).toContainText('角色：村级信息员');
  await expect(rows.nth(3)).toContainText('区划：北崖村民委员会');
  await expect(page.locator('.el-pagination__total')).toContainText('共 4 条');
  await page.screenshot({ path: `${shots}/audit.png`, fullPage: true });
});

// A program plugin with no code (its declaration and texts only, as a third party ships one), built here from the
// integration tests' health program: not one of the shipped programs, which the journeys after this file use.
const PLUGIN = 'org.example.health';
const deployed = `../../../distribution/target/fupin/deploy/${PLUGIN}.jar`;

function healthPlugin() {
  const folder = '../../../itests/src/main/resources/health/PROGRAM-INF';
  const manifest = ['Manifest-Version: 1.0', 'Bundle-ManifestVersion: 2', `Bundle-SymbolicName: ${PLUGIN}`,
    'Bundle-Version: 1.0.0', 'Provide-Capability: org.fupin.program;org.fupin.program=health', '', ''].join('\r\n');
  return zip([['META-INF/MANIFEST.MF', Buffer.from(manifest)],
    ...['program.json', 'messages_zh.properties', 'messages.properties']
      .map((name) => [`PROGRAM-INF/${name}`, readFileSync(`${folder}/${name}`)])]);
}

/** A zip file of stored (uncompressed) entries: what a jar is. */
function zip(entries) {
  const parts = [];
  const directory = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const path = Buffer.from(name);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x0800, 6);
    head.writeUInt32LE(crc32(data), 14);
    head.writeUInt32LE(data.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(path.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    head.copy(entry, 16, 14, 26);
    entry.writeUInt16LE(path.length, 28);
    entry.writeUInt32LE(offset, 42);
    parts.push(head, path, data);
    directory.push(entry, path);
    offset += head.length + path.length + data.length;
  }
  const size = directory.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...directory, end]);
}

test.describe('a province administrator', () => {
  // should the journey break off, the plugin must not stay: the platform of every later run would install it
  test.afterAll(async ({ request }) => {
    const { token } = await (await request.post('/api/v1/auth/login',
      { data: { username: 'admin', password: 'fupin-demo' } })).json();
    await request.delete(`/api/v1/admin/plugins/${PLUGIN}`, { headers: { Authorization: `Bearer ${token}` } });
    if (existsSync(deployed)) rmSync(deployed);
  });

  test('is told what removing a plugin means, cancels it for a shipped one, removes one just uploaded', async ({ page }) => {
    await signIn(page, 'admin', 'fupin-demo');
    await page.getByRole('link', { name: '平台管理' }).click();
    const plugins = page.locator('[data-test=plugins]');
    await expect(plugins).toContainText('雨露计划（yulu）');

    await page.getByRole('button', { name: '卸载 org.fupin.yulu' }).click();
    const confirm = page.getByRole('dialog', { name: '卸载插件 org.fupin.yulu？' });
    await expect(confirm).toContainText('雨露计划（yulu）');
    await expect(confirm).toContainText('不能再提交申请');
    await expect(confirm).toContainText('数据一条也不删除');
    await confirm.getByRole('button', { name: '取消' }).click();
    await expect(confirm).toBeHidden();
    await expect(plugins).toContainText('org.fupin.yulu');
    await expect(page.locator('[data-test=verdict]')).toHaveCount(0);

    await page.getByLabel(/上传或升级插件/).setInputFiles({ name: `${PLUGIN}.jar`, mimeType: 'application/java-archive',
      buffer: healthPlugin() });
    await page.getByRole('button', { name: '上传', exact: true }).click();
    await expect(page.locator('[data-test=verdict]')).toContainText('已通过');
    await expect(page.locator('[data-test=verdict]')).toContainText('健康扶贫住院救助（health）');
    await expect(plugins).toContainText(PLUGIN);

    await page.getByRole('button', { name: `卸载 ${PLUGIN}` }).click();
    const removal = page.getByRole('dialog', { name: `卸载插件 ${PLUGIN}？` });
    await expect(removal).toContainText('健康扶贫住院救助（health）');
    await expect(removal).toContainText(`${PLUGIN}.jar`);
    await removal.getByRole('button', { name: '确认卸载' }).click();
    await expect(page.locator('[data-test=verdict]')).toContainText('已卸载');
    await expect(plugins).not.toContainText(PLUGIN);
    await expect(plugins).toContainText('org.fupin.yulu');

    // and the audit log keeps both
    await page.getByRole('link', { name: '审计日志' }).click();
    await choose(page, '对象类型', '插件');
    await page.getByLabel('对象编号').fill(PLUGIN);
    await page.getByRole('button', { name: '查询' }).click();
    const rows = page.locator('[data-test=entries] tbody tr');
    await expect(rows.nth(0)).toContainText('卸载');
    await expect(rows.nth(1)).toContainText('安装');
    await expect(rows.nth(1)).toContainText('项目：健康扶贫住院救助');
  });

  test('sets a province parameter from next year and opens a county of the province', async ({ page }) => {
    await signIn(page, 'admin', 'fupin-demo');
    await page.getByRole('link', { name: '帮扶项目' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('甘肃省');
    const yulu = page.locator('[data-test=programs] li', { hasText: '雨露计划' });
    // the province has no switch: programs run by county
    await expect(yulu.getByRole('switch')).toHaveCount(0);

    await yulu.getByRole('button', { name: '参数' }).click();
    await expect(yulu).toContainText('省级参数');
    const year = new Date().getFullYear() + 1;
    await page.getByLabel('自哪一年起执行').fill(String(year));
    const amount = yulu.getByLabel('每学期补助标准');
    await amount.fill('20000');
    await page.getByRole('button', { name: '保存参数' }).click();
    await expect(yulu.getByRole('alert')).toContainText('10000');
    await expect(amount).toHaveValue('20000.00');
    await amount.fill('1550');
    await page.getByRole('button', { name: '保存参数' }).click();
    await expect(page.getByRole('status')).toContainText(`自 ${year} 年起执行`);
    await expect(yulu).toContainText(`省级，${year} 年起`);

    // opening a county changes nothing there: no switch is sent before the county's own answer is shown
    const switched = [];
    page.on('request', (r) => { if (r.method() === 'PUT' && /\/regions\/\d+\/programs\/[^/]+$/.test(r.url())) switched.push(r.url()); });
    await choose(page, '市（州）', '天水');
    await choose(page, '县（区）', '秦州');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('秦州区');
    await expect(yulu.getByRole('switch', { name: '雨露计划 在秦州区开展' })).toBeChecked();
    expect(switched).toEqual([]);
    await page.screenshot({ path: `${shots}/programs-province.png`, fullPage: true });
  });
});
