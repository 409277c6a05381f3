import { expect, test } from '@playwright/test';
import { choose, signIn, signInApi } from './people.js';

// Every other shipped program worked in the browser from its declaration alone: its officer finds it in the menu,
// opens an application waiting in a state the officer may act on and takes the step (the step's label and the state
// it leads to read from GET /programs/{id}, no program-specific code); 扶贫小额信贷's loan approved and disbursed with
// its declared form; a household field a program keeps set by the roles it names; a household's credit rating created
// from the household's page.
const today = () => new Date().toISOString().slice(0, 10);
const label = (text) => text.zh;

for (const [program, officer] of [['housing', 'housing'], ['relocation', 'relocation'], ['industry', 'industry'],
  ['microcredit', 'credit']]) {
  test(`${program}: its officer takes a step on an application, as the declaration says`, async ({ page, request }) => {
    const headers = await signInApi(request, officer);
    const declared = await (await request.get(`/api/v1/programs/${program}?region=620502`, { headers })).json();
    // a step the officer may take at once (no form, no reason, no notice to wait for), from a state the demo county
    // has applications in (its activity may still be filing when the journeys begin)
    const steps = declared.workflow.transitions.filter((t) => !t.form && !t.reasonRequired && !t.schedule
      && !t.afterNotice && !t.duringNotice && t.roles.includes('PROGRAM_OFFICER'));
    let step;
    let first;
    await expect.poll(async () => {
      for (const candidate of steps) {
        for (const from of candidate.from) {
          const found = await (await request.get(`/api/v1/programs/${program}/applications?state=${from}&size=1`, { headers })).json();
          if (found.total > 0) {
            [step, first] = [candidate, from];
            return true;
          }
        }
      }
      return false;
    }, { timeout: 30_000 }).toBe(true);
    const to = declared.workflow.states.find((s) => s.id === step.to);

    await signIn(page, officer);
    await page.getByText('项目办理').click();
    await page.locator(`[data-test=program-menu] a[href="#/work/${program}"]`).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(label(declared.name));
    await page.getByRole('button', { name: '全部申请' }).click();
    await choose(page, 'state', label(declared.workflow.states.find((s) => s.id === first).label));
    const rows = page.locator('[data-test=applications] .el-table__body tbody tr');
    await expect(rows.first()).toBeVisible();
    await rows.first().getByRole('link', { name: '办理' }).click();

    await page.getByRole('button', { name: label(step.label) }).click();
    await page.getByRole('dialog').getByRole('button', { name: label(step.label) }).click();
    await expect(page.locator('[data-test=state]')).toHaveText(label(to.label));
    await expect(page.locator('[data-test=steps]')).toContainText(label(step.label));
  });
}

test('扶贫小额信贷 from a candidate to the loan paid out: filed, recommended, reviewed, approved and disbursed by the bank, a refused contract number explained', async ({ page, request }) => {
  const headers = await signInApi(request, 'credit');
  await signIn(page, 'credit');
  await page.goto('/#/work/microcredit?view=candidates');
  const candidate = page.locator('[data-test=candidates] .el-table__body tbody tr').first();
  await expect(candidate).toBeVisible({ timeout: 15_000 });
  await candidate.getByRole('button', { name: '申请' }).click();
  await expect(page.locator('[data-test=verdict]')).toContainText('可以申请');
  const household = await (await request.get(`/api/v1/households/${page.url().split('/').pop()}`, { headers })).json();
  const borrower = household.members.find((m) => m.age >= 25 && m.age <= 55 && m.labourAbility !== 'NONE')
    || household.members.find((m) => m.age >= 18 && m.age <= 65);

  await choose(page, 'apply-borrower', borrower.name);
  await page.locator('#apply-amount').fill('10000');
  await page.locator('#apply-termMonths').fill('12');
  await choose(page, 'apply-purpose', '养殖业');
  await page.getByRole('button', { name: '提交申请' }).click();
  await expect(page.locator('[data-test=state]')).toHaveText('已申请');

  for (const [action, state] of [['村级推荐', '村级已推荐'], ['乡镇审核', '乡镇已审核'], ['银行审批', '银行已审批']]) {
    await page.getByRole('button', { name: action }).click();
    await page.getByRole('dialog').getByRole('button', { name: action }).click();
    await expect(page.locator('[data-test=state]')).toHaveText(state);
  }

  await page.getByRole('button', { name: '放款' }).click();
  const disburse = page.getByRole('dialog');
  await disburse.locator('#step-contractNumber').fill('XD');
  await disburse.locator('#step-disbursedOn').fill(today());
  await disburse.getByRole('button', { name: '放款' }).click();
  await expect(disburse.locator('[data-field=contractNumber] .error')).toBeVisible();
  await expect(disburse.locator('#step-disbursedOn')).toHaveValue(today());
  await disburse.locator('#step-contractNumber').fill('XD-E2E-0001');
  await disburse.getByRole('button', { name: '放款' }).click();
  await expect(page.locator('[data-test=state]')).toHaveText('已放款');
  await expect(page.locator('[data-test=steps] .el-table__body tbody tr')).toHaveCount(5);
});

test('a housing officer records a house\'s assessed safety grade on the household, which the clerk reads but cannot set', async ({ page, request }) => {
  const clerk = await signInApi(request, 'clerk');
  const household = (await (await request.get('/api/v1/households?size=1', { headers: clerk })).json()).items[0];
  await signIn(page, 'housing');
  await page.goto(`/#/households/${household.id}`);
  const housing = page.locator('[data-test=program]', { hasText: '农村危房改造' });
  await housing.getByRole('button', { name: /修改农村危房改造登记的信息/ }).click();
  const dialog = page.getByRole('dialog');
  await choose(dialog, 'ext-safetyGrade', 'D 级（整体危险）');
  await dialog.locator('#ext-assessedOn').fill(today());
  await dialog.getByRole('button', { name: /修改农村危房改造登记的信息/ }).click();
  await expect(dialog).toBeHidden();
  await expect(housing.locator('[data-test=household-fields]')).toContainText('D 级（整体危险）');

  await page.getByRole('button', { name: '退出' }).click();
  await signIn(page, 'clerk');
  await page.goto(`/#/households/${household.id}`);
  const seen = page.locator('[data-test=program]', { hasText: '农村危房改造' });
  await expect(seen.locator('[data-test=household-fields]')).toContainText('D 级（整体危险）');
  await expect(seen.getByRole('button', { name: /修改农村危房改造登记的信息/ })).toHaveCount(0);
});

test('a credit officer rates a household from its page, and the rating is listed there', async ({ page, request }) => {
  const headers = await signInApi(request, 'credit');
  const found = (await (await request.get('/api/v1/households?region=620502&status=POOR&size=50', { headers })).json()).items;
  const rated = new Set((await (await request.get('/api/v1/programs/microcredit/records/rating?size=500', { headers })).json())
    .items.map((r) => r.householdId));
  const household = found.find((h) => !rated.has(h.id));
  await signIn(page, 'credit');
  await page.goto(`/#/households/${household.id}`);
  const credit = page.locator('[data-test=program]', { hasText: '扶贫小额信贷' });
  await credit.getByRole('link', { name: '新建评级授信' }).click();
  await expect(page).toHaveURL(/records\/rating\/new\?householdId=/);
  for (const [field, score] of [['integrity', '20'], ['labour', '20'], ['industry', '15'], ['income', '15']]) {
    await page.locator(`[data-field=${field}] input`).fill(score);
  }
  await page.locator('[data-field=grade] .el-select').click();
  const list = await page.locator('[data-field=grade] input').getAttribute('aria-controls');
  // 20 + 20 + 15 + 15 = 70 points: grade A by the default thresholds
  await page.locator(`#${list}`).getByRole('option', { name: 'A 级', exact: true }).click();
  await page.locator('[data-field=ratedOn] input').fill(today());
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page).toHaveURL(/records\/rating\/[^n]/);
  await page.goto(`/#/households/${household.id}`);
  await expect(page.locator('[data-test=program]', { hasText: '扶贫小额信贷' })).toContainText('有效');
});

test('产业扶贫 from filing to the subsidy paid: declared and reviewed (the village notice then holds the verification back), and on an application whose notice has run, verified on site with the declared form, approved, paid', async ({ page, request }) => {
  const headers = await signInApi(request, 'industry');
  // a household the program has not worked with yet
  const candidates = (await (await request.get('/api/v1/programs/industry/candidates?region=620502&size=200', { headers })).json()).items;
  const known = new Set((await (await request.get('/api/v1/programs/industry/applications?region=620502&size=500', { headers })).json())
    .items.map((a) => a.householdId));
  const household = candidates.find((c) => !known.has(c.householdId));

  await signIn(page, 'industry');
  await page.goto(`/#/work/industry/apply/${household.householdId}`);
  await choose(page, 'apply-industry', '养鸡（只）');
  await page.locator('#apply-plannedScale').fill('200');
  await page.locator('#apply-description').fill('林下散养土鸡');
  await page.getByRole('button', { name: '提交申请' }).click();
  await expect(page.locator('[data-test=state]')).toHaveText('已申报');
  await page.getByRole('button', { name: '村级评议' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '村级评议' }).click();
  await expect(page.locator('[data-test=state]')).toHaveText('村级评议公示');
  // the notice runs at least five days (the province cannot set less): verification waits for it
  await expect(page.locator('[data-test=notice]')).toContainText('公示期至');
  await expect(page.getByRole('button', { name: '乡镇验收' })).toBeDisabled();

  // an application of the demo county whose village notice has run its course
  const today_ = today();
  let noticed;
  await expect.poll(async () => {
    noticed = (await (await request.get('/api/v1/programs/industry/applications?state=VILLAGE_NOTICE&size=500', { headers })).json())
      .items.find((a) => a.noticeEnds && a.noticeEnds < today_);
    return Boolean(noticed);
  }, { timeout: 30_000 }).toBe(true);
  await page.goto(`/#/work/industry/applications/${noticed.id}`);
  await page.getByRole('button', { name: '乡镇验收' }).click();
  const verify = page.getByRole('dialog');
  await verify.locator('#step-verifiedOn').fill(today_);
  await verify.locator('#step-verifiedScale').fill(String(noticed.data.plannedScale));
  await verify.locator('#step-evidence').fill('现场验收照片及养殖台账');
  await verify.getByRole('button', { name: '乡镇验收' }).click();
  await expect(page.locator('[data-test=state]')).toHaveText('乡镇已验收');

  await page.getByRole('button', { name: '县级审批' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '县级审批' }).click();
  await expect(page.locator('[data-test=state]')).toHaveText('县级已审批');

  await page.getByRole('button', { name: '拨付奖补' }).click();
  await page.getByRole('dialog').locator('#step-voucher').fill('BZ-E2E-0001');
  await page.getByRole('dialog').getByRole('button', { name: '拨付奖补' }).click();
  await expect(page.locator('[data-test=state]')).toHaveText('奖补已拨付');
  await expect(page.locator('[data-test=benefits] .el-table__body tbody tr')).toHaveCount(1);
});

test('农村危房改造 after its county notice: the agreement signed, building started, accepted with the house safe, the subsidy paid; a field required only for a rebuild says so', async ({ page, request }) => {
  const headers = await signInApi(request, 'housing');
  const today_ = today();
  let approved;
  await expect.poll(async () => {
    approved = (await (await request.get('/api/v1/programs/housing/applications?state=COUNTY_NOTICE&size=500', { headers })).json())
      .items.find((a) => a.noticeEnds && a.noticeEnds < today_);
    return Boolean(approved);
  }, { timeout: 30_000 }).toBe(true);
  await signIn(page, 'housing');
  await page.goto(`/#/work/housing/applications/${approved.id}`);

  await page.getByRole('button', { name: '签订三方协议' }).click();
  let dialog = page.getByRole('dialog');
  await dialog.locator('#step-agreementNumber').fill('WG-E2E-0001');
  await dialog.locator('#step-signedOn').fill(today_);
  await dialog.getByRole('button', { name: '签订三方协议' }).click();
  await expect(page.locator('[data-test=state]')).toHaveText('已签三方协议');

  await page.getByRole('button', { name: '开工' }).click();
  dialog = page.getByRole('dialog');
  await dialog.locator('#step-startedOn').fill(today_);
  await dialog.getByRole('button', { name: '开工' }).click();
  await expect(page.locator('[data-test=state]')).toHaveText('施工中');

  await page.getByRole('button', { name: '竣工联合验收' }).click();
  dialog = page.getByRole('dialog');
  await dialog.locator('#step-acceptedOn').fill(today_);
  await dialog.locator('#step-actualArea').fill('60');
  await dialog.getByText('验收后住房安全有保障').click();
  await dialog.getByRole('button', { name: '竣工联合验收' }).click();
  await expect(page.locator('[data-test=state]')).toHaveText('已竣工验收');

  await page.getByRole('button', { name: '拨付补助' }).click();
  await page.getByRole('dialog').locator('#step-voucher').fill('BZ-E2E-0002');
  await page.getByRole('dialog').getByRole('button', { name: '拨付补助' }).click();
  await expect(page.locator('[data-test=state]')).toHaveText('补助已拨付');
  await expect(page.locator('[data-test=benefits] .el-table__body tbody tr')).toHaveCount(1);

  // filing: the planned area is required only when the house is to be rebuilt
  await page.goto(`/#/work/housing/apply/${approved.householdId}`);
  const area = page.locator('[data-field=plannedArea] label');
  await choose(page, 'apply-renovationType', '修缮加固');
  await expect(area).not.toContainText('必填');
  await choose(page, 'apply-renovationType', '拆除重建');
  await expect(area).toContainText('必填');
});

test('易地扶贫搬迁 after its agreement: the new house built, keys handed over (the household\'s housing now assured), the old house demolished and the land reclaimed', async ({ page, request }) => {
  const headers = await signInApi(request, 'relocation');
  const today_ = today();
  // one of the demo county's with its relocation agreement signed (its activity may still be filing when the journeys begin)
  let approved;
  await expect.poll(async () => {
    approved = (await (await request.get('/api/v1/programs/relocation/applications?state=AGREED&size=1', { headers })).json())
      .items[0];
    return Boolean(approved);
  }, { timeout: 30_000 }).toBe(true);
  const people = (await (await request.get(`/api/v1/households/${approved.householdId}`, { headers })).json()).members.length;
  await signIn(page, 'relocation');
  await page.goto(`/#/work/relocation/applications/${approved.id}`);

  const step = async (action, values, state) => {
    await page.getByRole('button', { name: action }).click();
    const dialog = page.getByRole('dialog');
    for (const [field, value] of Object.entries(values)) {
      await dialog.locator(`#step-${field}`).fill(value);
    }
    await dialog.getByRole('button', { name: action }).click();
    await expect(page.locator('[data-test=state]')).toHaveText(state);
  };
  // 20 m² a person, within the 25 m² the policy allows
  await step('新房建成', { builtOn: today_, actualArea: String(20 * people), evidence: '竣工照片' }, '新房已建成');
  await step('交钥匙入住', { keysHandedOn: today_, movedInOn: today_, evidence: '入住确认书' }, '已入住');
  await step('拆除旧房', { demolishedOn: today_, evidence: '拆除前后照片' }, '旧房已拆除');
  await step('复垦验收', { reclaimedOn: today_, reclaimedArea: '0.3', evidence: '复垦验收单' }, '已复垦');

  await page.goto(`/#/households/${approved.householdId}`);
  await expect(page.locator('[data-test=assurances] li', { hasText: '住房安全有保障' })).toHaveClass(/met/);
});
