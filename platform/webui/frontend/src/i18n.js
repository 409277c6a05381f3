// Chinese first, English on request: the language chosen is kept in the browser (localStorage) across sessions and
// sent to the platform as Accept-Language, so its messages (validation, refusals) come in the same language.
// Words used on many pages live here; a page keeps its own words in useI18n({ messages }).
import { createI18n } from 'vue-i18n';

const KEY = 'fupin.locale';

export const LANGUAGES = [['zh', '中文'], ['en', 'English']];

const i18n = createI18n({
  legacy: false,
  locale: localStorage.getItem(KEY) === 'en' ? 'en' : 'zh',
  fallbackLocale: 'zh',
  messages: {
    zh: {
      app: '扶贫 · 建档立卡与帮扶项目',
      nav: { work: '项目办理', dashboard: '概览', reports: '报表', households: '建档立卡户', imports: '导入', programs: '帮扶项目', users: '用户', audit: '审计日志',
        platform: '平台管理', password: '修改密码', signOut: '退出', language: '语言', main: '主菜单' },
      common: { back: '返回', save: '保存', cancel: '取消', search: '查询', reload: '重新读取', none: '无',
        all: '全部', yes: '是', no: '否', loading: '正在读取…', total: '共 {n} 条' },
    },
    en: {
      app: 'Fupin · Poverty register and programs',
      nav: { work: 'Program work', dashboard: 'Overview', reports: 'Reports', households: 'Households', imports: 'Import', programs: 'Programs', users: 'Users', audit: 'Audit log',
        platform: 'Platform', password: 'Change password', signOut: 'Sign out', language: 'Language', main: 'Main menu' },
      common: { back: 'Back', save: 'Save', cancel: 'Cancel', search: 'Search', reload: 'Reload', none: 'None',
        all: 'All', yes: 'Yes', no: 'No', loading: 'Loading…', total: '{n} in all' },
    },
  },
});

export default i18n;

/** The language in use: 'zh' or 'en'. */
export function locale() {
  return i18n.global.locale.value;
}

export function setLocale(language) {
  i18n.global.locale.value = language;
  localStorage.setItem(KEY, language);
  document.documentElement.lang = language === 'en' ? 'en' : 'zh-CN';
}

/** A {zh, en} text of the platform in the language in use. */
export function localized(text) {
  if (!text) return '';
  return (locale() === 'en' ? text.en : text.zh) || text.zh || text.en || '';
}
