// The registry's code lists with their labels (GET /codes), read once per page load.
import { api } from './api.js';

let lists = null;

export async function loadCodes() {
  if (!lists) {
    lists = await api('GET', '/codes');
  }
  return lists;
}

/** The Chinese label of a code of a list, or the code itself. */
export function label(codes, list, code) {
  if (code === null || code === undefined) return '';
  const found = ((codes || {})[list] || []).find((c) => c.code === code);
  return found ? found.zh : code;
}
