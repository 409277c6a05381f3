import { expect } from '@playwright/test';

// Test people: valid ID numbers (GB 11643 check character) and households registered through the API, so a journey
// works on a household of its own and leaves the demo county's households to the others.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

let serial = Date.now() % 400;

/** A valid ID number of someone born on `birth` (YYYYMMDD) in county 620502; the sequence's parity gives the sex. */
export function idNumber(birth, sex) {
  serial += 1;
  const sequence = (serial * 2 + (sex === 'MALE' ? 1 : 0)) % 1000;
  const body = `620502${birth}${String(sequence).padStart(3, '0')}`;
  const sum = [...body].reduce((total, digit, i) => total + Number(digit) * WEIGHTS[i], 0);
  return body + '10X98765432'[sum % 11];
}

export async function signInApi(request, username) {
  const answer = await request.post('/api/v1/auth/login', { data: { username, password: 'fupin-demo' } });
  return { Authorization: `Bearer ${(await answer.json()).token}` };
}

/** Registers a one-person household in the clerk's village and answers it as the platform does. */
export async function household(request, headers, name) {
  const answer = await request.post('/api/v1/households', { headers, data: {
    villageCode: '620502101202', villageGroup: '一组', identificationStandard: 'NATIONAL', attribute: 'GENERAL',
    mainCause: 'ILLNESS', identifiedYear: 2024,
    members: [{ name, sex: 'MALE', idNumber: idNumber('19700312', 'MALE'), relation: 'HEAD' }] } });
  if (answer.status() !== 201) throw new Error(`household not registered: ${await answer.text()}`);
  return answer.json();
}

export async function signIn(page, username, password = 'fupin-demo') {
  await page.goto('/#/login');
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/#\/(households|password)/);
}

/**
 * Records what the page receives: each answer's resource type and compressed size. An answer still being measured
 * when the page closes is left out (measuring it then would fail the run after the journey is over).
 */
export function weigh(page) {
  const answers = [];
  page.on('requestfinished', async (request) => {
    try {
      answers.push({ type: request.resourceType(), size: (await request.sizes()).responseBodySize });
    } catch (e) {
      // the page closed meanwhile: the journey's figures are already taken
    }
  });
  return answers;
}

export const kilobytes = (answers) => Math.round(answers.reduce((sum, a) => sum + a.size, 0) / 1024);

/** Chooses an option of an Element Plus select, by the id of its input: its box clicked, as a user does, then the option. */
export async function choose(scope, id, option) {
  const page = scope.page ? scope.page() : scope;
  await scope.locator('.el-select', { has: page.locator(`#${id}`) }).click();
  const list = await page.locator(`#${id}`).getAttribute('aria-controls');
  await page.locator(`#${list}`).getByRole('option', { name: option, exact: true }).first().click();
}
