import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { VitePWA } from 'vite-plugin-pwa';

// Built into the bundle's classes (webui/), which the platform serves at /; the API stays under /api/v1.
export default defineConfig({
  plugins: [
    vue(),
    // Installable on a phone (a cadre records visits and attendance in villages with poor coverage): a manifest, and a
    // service worker that keeps the page and the scripts it has loaded, so the app opens without a network; the API
    // is never cached (what is typed offline waits in the outbox, src/outbox.js). Nothing is fetched ahead: a phone on
    // a weak line downloads only the screens it opens.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script-defer',
      manifestFilename: 'manifest.json',
      manifest: {
        name: '扶贫 · 建档立卡与帮扶项目',
        short_name: '扶贫',
        description: '建档立卡户与帮扶项目的办理：走访、驻村考勤、申请与审核',
        lang: 'zh-CN',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#b91c1c',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
        ],
      },
      workbox: {
        inlineWorkboxRuntime: true,
        globPatterns: ['index.html', 'icon-*.png'],
        navigateFallback: null,
        cleanupOutdatedCaches: true,
        runtimeCaching: [
          { urlPattern: ({ request }) => request.mode === 'navigate', handler: 'NetworkFirst',
            options: { cacheName: 'fupin-pages', networkTimeoutSeconds: 5 } },
          { urlPattern: ({ url }) => url.pathname.startsWith('/assets/'), handler: 'CacheFirst',
            options: { cacheName: 'fupin-assets', expiration: { maxEntries: 300 } } },
        ],
      },
    }),
  ],
  base: '/',
  // vue-i18n: the Composition API only, no devtools hooks (smaller, and its messages compiled without eval)
  define: {
    __VUE_I18N_FULL_INSTALL__: false,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  build: {
    outDir: '../target/classes/webui',
    emptyOutDir: true,
    assetsDir: 'assets',
    chunkSizeWarningLimit: 600,
  },
});
