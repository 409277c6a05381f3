import { createApp } from 'vue';
import { createRouter, createWebHashHistory } from 'vue-router';
import 'element-plus/theme-chalk/base.css';
import App from './App.vue';
import { session } from './api.js';
import i18n, { locale } from './i18n.js';
import { flush } from './outbox.js';

// Hash routes: the platform serves one page at /, so a reload of any screen finds it.
const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/login', component: () => import('./pages/SignIn.vue') },
    { path: '/households', component: () => import('./pages/Households.vue') },
    { path: '/households/new', component: () => import('./pages/NewHousehold.vue') },
    { path: '/households/:id', component: () => import('./pages/Household.vue'), props: true },
    { path: '/households/:id/edit', component: () => import('./pages/EditHousehold.vue'), props: true },
    { path: '/password', component: () => import('./pages/Password.vue') },
    { path: '/programs', component: () => import('./pages/Programs.vue') },
    { path: '/platform', component: () => import('./pages/Platform.vue') },
    { path: '/users', component: () => import('./pages/Users.vue') },
    { path: '/audit', component: () => import('./pages/Audit.vue') },
    { path: '/imports', component: () => import('./pages/Imports.vue') },
    { path: '/work/:program', component: () => import('./pages/work/Work.vue'), props: true },
    { path: '/work/:program/apply/:householdId', component: () => import('./pages/work/Apply.vue'), props: true },
    { path: '/work/:program/applications/:appId', component: () => import('./pages/work/Application.vue'), props: true },
    { path: '/work/:program/records/:type', component: () => import('./pages/work/Records.vue'), props: true },
    { path: '/work/:program/records/:type/:recordId', component: () => import('./pages/work/Record.vue'), props: true },
    { path: '/dashboard', component: () => import('./pages/Dashboard.vue') },
    { path: '/reports', component: () => import('./pages/Reports.vue') },
    { path: '/:rest(.*)*', redirect: '/households' },
  ],
});

router.beforeEach((to) => {
  if (to.path !== '/login' && !session.signedIn()) {
    return { path: '/login', query: { next: to.fullPath } };
  }
  // after an administrator's reset the platform accepts nothing but the change of password
  if (to.path !== '/password' && to.path !== '/login' && session.user()?.mustChangePassword) {
    return { path: '/password', query: { forced: '1' } };
  }
  return true;
});

document.documentElement.lang = locale() === 'en' ? 'en' : 'zh-CN';
createApp(App).use(i18n).use(router).mount('#app');
// what was entered without a network goes out as soon as it is back (src/outbox.js)
window.addEventListener('online', () => flush());
