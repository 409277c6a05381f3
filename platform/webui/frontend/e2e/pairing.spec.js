import { expect, test } from '@playwright/test';
import { choose, signIn, signInApi } from './people.js';

// 结对帮扶 · 驻村帮扶 where it happens: a paired cadre on a phone in a village with poor coverage records a visit
// (走访) with the province's questionnaire while the network is gone — it waits on the phone and goes out by itself,
// once, when the network is back; a team's attendance for the day, a wrong name explained first; the presence report
// shows who is short of the minima. Every screen fits the phone.
const shots = process.env.UPDATE_SCREENSHOTS ? '../../../docs/screenshots' : '../target/screenshots';
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' };

async function entries(request, headers, path, type) {
  const record = await (await request.get(`/api/v1/programs/pairing/records/${path}`, { headers })).json();
  return record.events.filter((e) => e.kind === 'ENTRY' && e.name === type);
}

/** The first page of what the API lists at `path`, once the demo activity (run after start-up) has made some. */
async function demo(request, headers, path) {
  let page = null;
  await expect.poll(async () => {
    page = await (await request.get(`/api/v1${path}`, { headers })).json();
    return page.items.length;
  }, { timeout: 120_000, message: `the demo's ${path}` }).toBeGreaterThan(0);
  return page.items;
}

async function fitsThePhone(page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, 'nothing wider than the phone').toBeLessThanOrEqual(390);
}

/**
 * The cadre signed in on a phone, a demo household's pairing open with its visit form: the phone's context and page,
 * the API's headers, the pairing and how many visits it had.
 */
async function visitOnAPhone(browser, request) {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const headers = await signInApi(request, 'cadre');
  const id = (await demo(request, headers, '/programs/pairing/records/pairing?region=620502&state=ACTIVE&size=1'))[0].id;
  const before = (await entries(request, headers, `pairing/${id}`, 'visit')).length;
  await signIn(page, 'cadre');
  await page.goto(`/#/work/pairing/records/pairing/${id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('帮扶责任人');
  await page.getByRole('button', { name: '登记走访' }).click();
  return { context, page, headers, id, before, visit: page.getByRole('form', { name: '登记走访' }) };
}

test('on a phone without a network a cadre\'s visit waits on the phone and goes out once the network is back', async ({ browser, request }) => {
  const { context, page, headers, id, before, visit } = await visitOnAPhone(browser, request);
  await choose(visit, 'entry-visit-round', '回访');
  await choose(visit, 'entry-visit-incomeSituation', '接近贫困线');
  // the 两不愁三保障 questions are ticked boxes, unticked meaning no
  await visit.locator('.el-checkbox', { hasText: '不愁吃' }).click();
  await expect(visit.getByLabel('不愁吃')).toBeChecked();
  await choose(visit, 'entry-visit-needs', '技能培训');
  await visit.getByLabel('走访发现').fill('家中两名劳动力，希望参加电焊培训');
  await fitsThePhone(page);

  await context.setOffline(true);
  await visit.getByRole('button', { name: '提交' }).click();
  await expect(page.getByRole('status')).toContainText('没有网络：走访已保存在本机，联网后自动发送');
  const outbox = page.locator('[data-test=outbox]');
  await expect(outbox).toContainText('待发送 1 条');
  await page.screenshot({ path: `${shots}/phone-visit-offline.png`, fullPage: true });
  expect((await entries(request, headers, `pairing/${id}`, 'visit')).length, 'nothing arrived yet').toBe(before);

  await context.setOffline(false);
  await expect(outbox).toHaveCount(0, { timeout: 15_000 });
  await expect(page.locator('[data-test=events] .event').first()).toContainText('走访');
  const after = await entries(request, headers, `pairing/${id}`, 'visit');
  expect(after.length, 'the visit stored once').toBe(before + 1);
  expect(after[after.length - 1].data.findings).toBe('家中两名劳动力，希望参加电焊培训');
  await context.close();
});

test('on a phone a team\'s attendance is recorded for the day after a wrong name is explained, and presence read against the minima', async ({ browser, request }) => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const headers = await signInApi(request, 'qinzhou');
  const team = (await demo(request, headers, '/programs/pairing/records/team?region=620502&state=ACTIVE&size=1'))[0];
  const members = await (await request.get(
    `/api/v1/programs/pairing/records/team-member?region=${team.region}&state=SERVING&size=20`, { headers })).json();
  const present = members.items.find((m) => m.region === team.region).data.memberName;

  await signIn(page, 'qinzhou');
  await page.goto(`/#/work/pairing/records/team/${team.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('驻村工作队');
  await page.getByRole('button', { name: '登记驻村考勤' }).click();
  const attendance = page.getByRole('form', { name: '登记驻村考勤' });
  await attendance.getByLabel('驻村队员').fill('不在队里的人');
  await attendance.getByRole('button', { name: '提交' }).click();
  await expect(attendance.locator('[data-field=member] .error')).toContainText('不在队里的人');
  await attendance.getByLabel('驻村队员').fill(present);
  await attendance.getByRole('button', { name: '提交' }).click();
  await expect(page.getByRole('status')).toContainText('已登记驻村考勤');
  await fitsThePhone(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${shots}/phone-attendance.png` });
  // hundreds of days a year: the newest first, the earlier ones on demand
  const shown = page.locator('[data-test=events] .event');
  await expect(shown).toHaveCount(30);
  await expect(shown.first()).toContainText(present);
  await page.locator('[data-test=more-events]').click();
  await expect(shown).toHaveCount(60);

  // who falls short of the province's minima this year, as of today
  await page.goto('/#/reports?program=pairing&report=member-presence&region=620502');
  await expect(page.locator('[data-test=minimum]')).toContainText('最低要求');
  await expect(page.locator('[data-test=report-table]')).toContainText('差额');
  await page.locator('[data-test=short] input').check();
  await expect(page).toHaveURL(/short=true/);
  await page.screenshot({ path: `${shots}/phone-presence.png`, fullPage: true });
  const shortOf = await (await request.get('/api/v1/programs/pairing/reports/member-presence?region=620502&short=true',
    { headers })).json();
  expect(shortOf.rows.length, 'the demo has members short of 3 months').toBeGreaterThan(0);
  await expect(page.locator('[data-test=report-table] .el-table__body tbody tr')).toHaveCount(shortOf.rows.length);
  await fitsThePhone(page);
  await context.close();
});

test('a cadre adds a measure to a household\'s plan, pointing to its 雨露计划 application, whose progress it then shows', async ({ page, request }) => {
  const headers = await signInApi(request, 'cadre');
  // a household with a 雨露计划 application and no open plan: the plan filed for it first, as the cadre would
  const training = await demo(request, headers, '/programs/yulu/applications?region=620502&state=APPROVED&size=50');
  let plan = null;
  let linked = null;
  for (const application of training) {
    const filed = await request.post('/api/v1/programs/pairing/applications', { headers, data: {
      householdId: application.householdId, data: { training: true, relocation: false, housing: false, credit: false,
        industry: false, employment: false, publicWelfareJob: false, medical: false, education: false,
        mainMeasure: 'TRAINING', targetIncome: 6500, targetYear: new Date().getFullYear() + 1 } } });
    if (filed.status() === 201) {
      plan = await filed.json();
      linked = application;
      break;
    }
  }
  expect(plan, 'a household with a 雨露计划 application takes a plan').not.toBeNull();

  await signIn(page, 'cadre');
  await page.goto(`/#/work/pairing/applications/${plan.id}`);
  await page.getByRole('link', { name: '新建帮扶措施' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('帮扶措施');
  await choose(page, 'new-measureKind', '技能培训（含雨露计划）');
  await page.locator('.el-select', { has: page.locator('#new-linkedApplication') }).click();
  const options = page.locator(`#${await page.locator('#new-linkedApplication').getAttribute('aria-controls')}`)
    .getByRole('option');
  await expect(options.filter({ hasText: '雨露计划' }).first()).toBeVisible();
  await options.filter({ hasText: '雨露计划 · 县级已审批' }).first().click();
  await page.getByRole('button', { name: '保存' }).click();

  await expect(page).toHaveURL(/#\/work\/pairing\/records\/measure\/[0-9a-f-]{36}$/);
  const shownLink = page.locator('[data-test=values] [data-field=linkedApplication] [data-test=linked]');
  await expect(shownLink).toHaveText('雨露计划 · 县级已审批');
  await page.screenshot({ path: `${shots}/plan-measure.png`, fullPage: true });
  await shownLink.click();
  await expect(page).toHaveURL(new RegExp(`#/work/yulu/applications/${linked.id}$`));
});

test('a visit typed offline outlives the session: it waits through the sign-in and goes out after it', async ({ browser, request }) => {
  const { context, page, headers, id, before, visit } = await visitOnAPhone(browser, request);
  await choose(visit, 'entry-visit-round', '回访');
  await choose(visit, 'entry-visit-incomeSituation', '稳定高于贫困线');
  await choose(visit, 'entry-visit-needs', '暂无');
  await context.setOffline(true);
  await visit.getByRole('button', { name: '提交' }).click();
  await expect(page.locator('[data-test=outbox]')).toContainText('待发送 1 条');

  // the session ends meanwhile (signed out elsewhere, or expired): back online, the platform answers 401
  const token = await page.evaluate(() => sessionStorage.getItem('fupin.token'));
  await request.post('/api/v1/auth/logout', { headers: { Authorization: `Bearer ${token}` } });
  await context.setOffline(false);
  await page.waitForURL(/#\/login/);
  expect((await entries(request, headers, `pairing/${id}`, 'visit')).length, 'nothing sent without a session').toBe(before);

  await page.getByLabel('用户名').fill('cadre');
  await page.getByLabel('密码', { exact: true }).fill('fupin-demo');
  await page.getByRole('button', { name: '登录' }).click();
  await expect.poll(async () => (await entries(request, headers, `pairing/${id}`, 'visit')).length,
    { timeout: 15_000, message: 'sent once signed in again' }).toBe(before + 1);
  await expect(page.locator('[data-test=outbox]')).toHaveCount(0);
  await context.close();
});
