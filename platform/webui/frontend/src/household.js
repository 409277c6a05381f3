import { watch } from 'vue';

// The household record as the forms send it: nothing chosen or typed goes as null (never ""), so the platform answers
// "required" or leaves the field empty rather than refusing a string of the wrong shape.
export function toRecord(value) {
  if (value === '') return null;
  if (Array.isArray(value)) return value.map(toRecord);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toRecord(v)]));
  }
  return value;
}

/** The platform's reasons by the field they name ("members[0].idNumber" → message). */
export function byField(error) {
  return Object.fromEntries((error.fields || []).map((f) => [f.field, f.message]));
}

export function emptyHousehold(villageCode) {
  return {
    villageCode, villageGroup: '', identificationStandard: 'NATIONAL', attribute: 'GENERAL', mainCause: '',
    otherCauses: [], identifiedYear: new Date().getFullYear(), phone: '', bankName: '', bankAccount: '',
    members: [{ name: '', sex: '', idNumber: '', relation: 'HEAD' }],
    incomes: [], housing: null, assurances: null, pairings: [],
  };
}

/** Today in the user's time zone, as the date inputs and the platform write it (2026-12-06). */
export function today() {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/** The statuses a household may change to (docs/api.md, POST /households/{id}/status); the platform still decides. */
export const NEXT_STATUSES = {
  POOR: ['EXITED', 'REMOVED', 'CLOSED'],
  EXITED: ['RETURNED', 'MONITORED', 'REMOVED', 'CLOSED'],
  RETURNED: ['EXITED', 'REMOVED', 'CLOSED'],
  MONITORED: ['EXITED', 'RETURNED', 'REMOVED', 'CLOSED'],
  NEAR_POOR: ['POOR', 'REMOVED', 'CLOSED'],
};

/** An amount of yuan as people read it: 15,000.50; nothing for none. */
export function money(amount) {
  if (amount === null || amount === undefined) return '';
  return Number(amount).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/**
 * Keeps a form's values for the tab under `key` (sessionStorage), so a session that ends while it is typed loses
 * nothing: signed in again, the form is back. `forget(key)` once it is sent.
 */
export function keep(key, form) {
  const kept = sessionStorage.getItem(key);
  if (kept) Object.assign(form, JSON.parse(kept));
  watch(form, (now) => sessionStorage.setItem(key, JSON.stringify(now)), { deep: true });
  return form;
}

export function forget(key) {
  sessionStorage.removeItem(key);
}
