import { expect, test } from '@playwright/test';
import { choose, signIn } from './people.js';

// A program's own records, drawn from their declarations: 扶贫小额信贷's loans listed and one opened, a repayment larger
// than what is owed refused with the platform's reason beside the amount and a fitting one booked, an extension
// (展期) refused without its required reason and then taken; 产业扶贫's officer registering a 带贫主体 in a township
// after the platform refused its credit code's check character; an auditor reading records with nothing to change.
const shots = process.env.UPDATE_SCREENSHOTS ? '../../../docs/screenshots' : '../target/screenshots';

const CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A unified social credit code (GB 32100) of a cooperative in 620502 that no other entity has, and its check character. */
function creditCode() {
  let body = '93620502MA';
  for (let i = 0; i < 7; i += 1) body += CHARACTERS[Math.floor(Math.random() * CHARACTERS.length)];
  const sum = [...body].reduce((total, c, i) => total + CHARACTERS.indexOf(c) * WEIGHTS[i], 0);
  return body + CHARACTERS[(31 - (sum % 31)) % 31];
}

const yuan = (text) => Number(text.replace(/[^\d.]/g, ''));
const value = (page, field) => page.locator(`[data-test=values] [data-field=${field}] dd`);

test('a program officer books a repayment on a loan and extends it, each refusal explained first', async ({ page }) => {
  await signIn(page, 'credit');
  await page.goto('/#/work/microcredit/records/loan');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('扶贫小额信贷');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('贷款');
  const rows = page.locator('[data-test=records] .el-table__body tbody tr');
  await expect(rows.first()).toBeVisible();
  await expect(page.locator('.el-pagination__total')).toContainText(/共 \d+ 条/);
  // a loan is created from its application, not here
  await expect(page.getByRole('button', { name: '新建贷款' })).toHaveCount(0);

  await choose(page, 'records-state', '正常');
  await expect(page).toHaveURL(/state=NORMAL/);
  await expect(rows.first()).toContainText('正常');
  await expect(rows.filter({ hasText: '结清' })).toHaveCount(0);
  await page.screenshot({ path: `${shots}/records.png`, fullPage: true });
  await rows.first().locator('a').first().click();

  await expect(page).toHaveURL(/#\/work\/microcredit\/records\/loan\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('贷款');
  await expect(page.locator('[data-test=state]')).toHaveText('正常');
  // the platform moves a loan past its due date itself: shown, not offered
  await expect(page.locator('[data-test=scheduled]')).toContainText('由平台按期执行');
  await expect(page.getByRole('button', { name: '逾期' })).toHaveCount(0);
  const principal = yuan(await value(page, 'principal').innerText());
  const repaid = yuan(await page.locator('[data-test=totals] [data-entry=repayment] dd').innerText());
  const owed = principal - repaid;
  expect(owed).toBeGreaterThan(1000);

  // more than is owed: the platform's reason beside the amount, the amount kept
  await page.getByRole('button', { name: '登记还款' }).click();
  const repayment = page.getByRole('form', { name: '登记还款' });
  await repayment.getByLabel('金额（元）').fill(String(owed + 500));
  await repayment.getByLabel('备注').fill('提前还款');
  await repayment.getByRole('button', { name: '提交' }).click();
  await expect(repayment.locator('[data-field=amount] .error')).toContainText(`超过尚欠本金 ${owed} 元`);
  await expect(repayment.getByLabel('备注')).toHaveValue('提前还款');

  await repayment.getByLabel('金额（元）').fill('1000');
  await repayment.getByRole('button', { name: '提交' }).click();
  await expect(page.getByRole('status')).toContainText('已登记还款');
  await expect(page.locator('[data-test=totals] [data-entry=repayment] dd')).toHaveText((repaid + 1000)
    .toLocaleString('zh-CN', { minimumFractionDigits: 2 }));
  const latest = page.locator('[data-test=events] .event').first();
  await expect(latest).toContainText('登记 · 还款');
  await expect(latest).toContainText('金额 1,000.00 元');
  await expect(latest).toContainText('提前还款');
  await expect(latest).toContainText('credit');
  // what is owed now is less by as much: the platform says so when asked for more again
  await page.getByRole('button', { name: '登记还款' }).click();
  await repayment.getByLabel('金额（元）').fill(String(owed));
  await repayment.getByRole('button', { name: '提交' }).click();
  await expect(repayment.locator('[data-field=amount] .error')).toContainText(`超过尚欠本金 ${owed - 1000} 元`);
  await repayment.getByRole('button', { name: '取消' }).click();

  // 展期 needs a reason: refused without one, what was typed kept; then taken
  const due = await value(page, 'dueDate').innerText();
  const later = new Date(`${due}T00:00:00Z`);
  later.setUTCMonth(later.getUTCMonth() + 6);
  const newDue = later.toISOString().slice(0, 10);
  await page.getByRole('button', { name: '展期', exact: true }).click();
  const extend = page.getByRole('form', { name: '展期' });
  await extend.getByLabel('到期日').fill(newDue);
  await extend.getByLabel('展期日期').fill(new Date().toISOString().slice(0, 10));
  await extend.getByRole('button', { name: '提交' }).click();
  await expect(extend.locator('.field', { has: page.locator('#record-note') }).locator('.error')).toContainText('须填写理由');
  await expect(extend.getByLabel('到期日')).toHaveValue(newDue);
  await extend.getByLabel('理由（必填）').fill('受灾减产，申请展期半年');
  await extend.getByRole('button', { name: '提交' }).click();
  await expect(page.getByRole('status')).toContainText('已办理：展期');
  await expect(page.locator('[data-test=state]')).toHaveText('展期');
  await expect(value(page, 'dueDate')).toHaveText(newDue);
  await expect(latest).toContainText('办理 · 展期');
  await expect(latest).toContainText('→ 展期');
  await expect(latest).toContainText('受灾减产，申请展期半年');
  // extended once: no second extension offered from 展期
  await expect(page.getByRole('button', { name: '展期', exact: true })).toHaveCount(0);
  await page.screenshot({ path: `${shots}/record.png`, fullPage: true });
});

test('an industry officer registers a 带贫主体 in a township after a wrong credit code is explained', async ({ page }) => {
  await signIn(page, 'industry');
  await page.goto('/#/work/industry/records/entity');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('带贫主体');
  await page.getByRole('button', { name: '新建带贫主体' }).click();
  await expect(page).toHaveURL(/records\/entity\/new/);

  await choose(page, 'record-region', '大城街道');
  await expect(page.locator('[data-test=region]')).toContainText('大城街道');
  const code = creditCode();
  const wrong = code.slice(0, 17) + CHARACTERS[(CHARACTERS.indexOf(code[17]) + 1) % CHARACTERS.length];
  const name = `秦州区测试${Date.now() % 100000}养牛专业合作社`;
  await page.getByLabel('主体名称').fill(name);
  await choose(page, 'new-kind', '农民专业合作社');
  await page.getByLabel('统一社会信用代码').fill(wrong);
  await choose(page, 'new-industry', '养牛（头）');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.locator('[data-field=creditCode] .error')).toContainText(`校验码应为 ${code[17]}`);
  await expect(page.getByLabel('主体名称')).toHaveValue(name);

  await page.getByLabel('统一社会信用代码').fill(code);
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page).toHaveURL(/records\/entity\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
  await expect(page.locator('[data-test=state]')).toHaveText('有效');
  await expect(page.locator('[data-test=where]')).toContainText('大城街道');
  await expect(value(page, 'creditCode')).toHaveText(code);
  await expect(value(page, 'kind')).toHaveText('农民专业合作社');
  await expect(page.locator('[data-test=events] .event').first()).toContainText('建立');

  // a second entity with the same code in the township is refused too, beside the code
  await page.goto('/#/work/industry/records/entity/new');
  await choose(page, 'record-region', '大城街道');
  await page.getByLabel('主体名称').fill('另一家合作社');
  await choose(page, 'new-kind', '农民专业合作社');
  await page.getByLabel('统一社会信用代码').fill(code);
  await choose(page, 'new-industry', '养牛（头）');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.locator('[data-field=creditCode] .error')).toContainText(name);
});

test('an auditor reads records and is offered nothing to change', async ({ page }) => {
  await signIn(page, 'auditor');
  await page.goto('/#/work/microcredit/records/fund');
  const rows = page.locator('[data-test=records] .el-table__body tbody tr');
  await expect(rows.first()).toBeVisible();
  await expect(page.getByRole('button', { name: /新建/ })).toHaveCount(0);
  await expect(rows.first()).toContainText(/[\d,]+\.\d\d/);

  await page.goto('/#/work/microcredit/records/loan');
  await expect(rows.first()).toBeVisible();
  await rows.first().locator('a').first().click();
  await expect(page.locator('[data-test=values]')).toContainText('借款合同号');
  await expect(page.locator('[data-test=events] .event').first()).toBeVisible();
  await expect(page.locator('main').getByRole('button')).toHaveCount(0);
  await expect(page.getByRole('form')).toHaveCount(0);
});

test('a county administrator edits the risk fund after a version conflict is explained, then books a deposit', async ({ page, request }) => {
  await signIn(page, 'qinzhou');
  await page.goto('/#/work/microcredit/records/fund');
  await page.locator('[data-test=records] .el-table__body tbody tr').first().locator('a').first().click();
  await expect(page.locator('[data-test=values]')).toContainText('开户银行');
  const id = page.url().split('/').pop();
  const bank = await value(page, 'bank').innerText();
  const deposits = yuan(await page.locator('[data-test=totals] [data-entry=deposit] dd').innerText());

  await page.getByRole('button', { name: '修改' }).click();
  const edit = page.getByRole('form', { name: '修改' });
  await expect(edit.getByLabel('开户银行')).toHaveValue(bank);
  await edit.getByLabel('开户银行').fill('天水农村商业银行秦州支行');
  // meanwhile someone else changes the fund
  const answer = await request.post('/api/v1/auth/login', { data: { username: 'credit', password: 'fupin-demo' } });
  const headers = { Authorization: `Bearer ${(await answer.json()).token}` };
  const fund = await (await request.get(`/api/v1/programs/microcredit/records/fund/${id}`, { headers })).json();
  expect((await request.put(`/api/v1/programs/microcredit/records/fund/${id}`, { headers,
    data: { data: { ...fund.data, bank: `${bank}（更名）` }, version: fund.version } })).status()).toBe(200);

  await edit.getByRole('button', { name: '保存' }).click();
  await expect(edit.getByRole('alert')).toContainText('别人刚修改过这条记录');
  await edit.getByRole('button', { name: '重新读取' }).click();
  await expect(value(page, 'bank')).toHaveText(`${bank}（更名）`);
  await expect(edit.getByLabel('开户银行')).toHaveValue('天水农村商业银行秦州支行');
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status')).toContainText('已保存');
  await expect(value(page, 'bank')).toHaveText('天水农村商业银行秦州支行');
  await expect(page.locator('[data-test=events] .event').first()).toContainText(`开户银行：${bank}（更名） → 天水农村商业银行秦州支行`);

  // a deposit with its source; a date after today refused beside the date
  await page.getByRole('button', { name: '登记注入资金' }).click();
  const deposit = page.getByRole('form', { name: '登记注入资金' });
  await deposit.getByLabel('金额（元）').fill('20000');
  await choose(page, 'entry-deposit-source', '县级财政');
  const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  await deposit.getByLabel('日期').fill(tomorrow);
  await deposit.getByRole('button', { name: '提交' }).click();
  await expect(deposit.locator('.field', { has: page.locator('#record-date') }).locator('.error')).toContainText('晚于今天');
  await deposit.getByLabel('日期').fill(new Date().toISOString().slice(0, 10));
  await deposit.getByRole('button', { name: '提交' }).click();
  await expect(page.locator('[data-test=totals] [data-entry=deposit] dd')).toHaveText((deposits + 20000)
    .toLocaleString('zh-CN', { minimumFractionDigits: 2 }));
  await expect(page.locator('[data-test=events] .event').first()).toContainText('资金来源：县级财政');
});

test('a settled loan says it is closed and offers nothing to change', async ({ page }) => {
  await signIn(page, 'credit');
  await page.goto('/#/work/microcredit/records/loan?state=SETTLED');
  const rows = page.locator('[data-test=records] .el-table__body tbody tr');
  await expect(rows.first()).toContainText('结清');
  await rows.first().locator('a').first().click();
  await expect(page.locator('[data-test=state]')).toHaveText('结清');
  await expect(page.locator('[data-test=work]')).toContainText('已办结');
  await expect(page.locator('main').getByRole('button')).toHaveCount(0);
});
