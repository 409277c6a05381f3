// The registry's code lists with their labels (GET /codes), read once per page load.
import { api } from './api.js';
import { localized } from './i18n.js';

let lists = null;

export async function loadCodes() {
  if (!lists) {
    lists = await api('GET', '/codes');
  }
  return lists;
}

/** The label of a code of a list in the language in use, or the code itself. */
export function label(codes, list, code) {
  if (code === null || code === undefined) return '';
  const found = ((codes || {})[list] || []).find((c) => c.code === code);
  return found ? localized(found) : code;
}
