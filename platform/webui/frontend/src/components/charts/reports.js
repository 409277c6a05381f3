// What the reports screen and the overview share: the programs a user may read reports of, and a declared report's
// answer (GET /programs/{id}/reports/{reportId}) turned into what a table and a chart show. Nothing here knows a
// program: everything comes from the declaration and the answer, so a plugin uploaded at run time works at once.
import { api } from '../../api.js';
import { localized } from '../../i18n.js';

/** A region code's level as the API names it (2 digits PROVINCE … 12 VILLAGE). */
export function levelOf(code) {
  return { 2: 'PROVINCE', 4: 'CITY', 6: 'COUNTY', 9: 'TOWNSHIP', 12: 'VILLAGE' }[(code || '').length] || '';
}

/**
 * The programs whose reports the user may read: installed, enabled in the user's county (every installed one for a
 * user above a county, who may read any county's), and run by the user's agency when the user has one (the API
 * answers 403 for another agency's program). Each with its declaration (GET /programs/{id}), reports included.
 */
export async function readablePrograms(user) {
  const county = (user.region || '').length >= 6 ? user.region.slice(0, 6) : '';
  const catalogue = await api('GET', county ? `/programs?county=${county}` : '/programs');
  const chosen = catalogue.filter((p) => p.installed && (!county || p.enabled)
    && (!user.agency || p.agency === user.agency));
  return Promise.all(chosen.map((p) => api('GET', `/programs/${encodeURIComponent(p.id)}${user.region ? `?region=${user.region}` : ''}`)));
}

/** A measure's value as people read it: amounts with two decimals, shares as percentages, counts with separators. */
export function formatValue(key, value) {
  if (value === null || value === undefined) return '';
  const number = Number(value);
  if (key === 'amount' || key.startsWith('balance.')) {
    return number.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
  const text = number.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
  return key === 'share' || key === 'coverage' ? `${text}%` : text;
}

/** A dimension's cell: the label the platform gives in the language in use, else the code, else "—". */
export function cell(row, key) {
  const text = row.labels && row.labels[key] ? localized(row.labels[key]) : '';
  const code = row.codes ? row.codes[key] : null;
  return text || (code === null || code === undefined || code === '' ? '—' : String(code));
}

/**
 * A report's answer as a chart: its first measure by its first dimension, the second dimension as series (as the
 * declaration says, ReportDefinition.Chart). Categories and series keep the rows' order (the platform sorts them).
 */
export function chartOf(answer, kind = answer.chart) {
  const dims = answer.columns.filter((c) => !c.measure);
  const measure = answer.columns.find((c) => c.measure);
  if (!kind || !measure || !dims.length || !answer.rows.length) return null;
  const [first, second] = dims;
  const categories = [];
  const byCategory = new Map();
  answer.rows.forEach((row) => {
    const name = cell(row, first.key);
    if (!byCategory.has(name)) {
      byCategory.set(name, categories.length);
      categories.push(name);
    }
  });
  if (!second || kind === 'PIE') {
    // a pie has no series: the first measure summed over the second dimension's values of each category
    const data = categories.map(() => 0);
    answer.rows.forEach((row) => { data[byCategory.get(cell(row, first.key))] += Number(row.values[measure.key] || 0); });
    return { kind, categories, series: [{ name: localized(measure.label), data }], key: measure.key, measure };
  }
  const names = [];
  const series = new Map();
  answer.rows.forEach((row) => {
    const name = cell(row, second.key);
    if (!series.has(name)) {
      series.set(name, categories.map(() => null));
      names.push(name);
    }
    series.get(name)[byCategory.get(cell(row, first.key))] = Number(row.values[measure.key] || 0);
  });
  return { kind, categories, series: names.map((name) => ({ name, data: series.get(name) })), key: measure.key, measure };
}

/** One measure summed by one dimension's values (categories in the rows' order), for the overview's charts. */
export function totalsBy(answer, dimension, measure) {
  const categories = [];
  const data = [];
  answer.rows.forEach((row) => {
    const name = cell(row, dimension);
    let i = categories.indexOf(name);
    if (i < 0) {
      i = categories.push(name) - 1;
      data.push(0);
    }
    data[i] += Number(row.values[measure] || 0);
  });
  return { categories, data };
}
