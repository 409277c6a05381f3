import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// Built into the bundle's classes (webui/), which the platform serves at /; the API stays under /api/v1.
export default defineConfig({
  plugins: [vue()],
  base: '/',
  build: {
    outDir: '../target/classes/webui',
    emptyOutDir: true,
    assetsDir: 'assets',
    chunkSizeWarningLimit: 600,
  },
});
