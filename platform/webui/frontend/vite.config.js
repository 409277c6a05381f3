import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// Built into the bundle's classes (webui/), which the platform serves at /; the API stays under /api/v1.
export default defineConfig({
  plugins: [vue()],
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
