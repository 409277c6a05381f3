import { defineConfig } from '@playwright/test';

// Journeys through the web application served by the packaged distribution, which global-setup starts with the
// demo county on a free port (the distribution must be built: `mvn -B install` runs these after it). Debian's
// Chromium, never a downloaded browser.
export default defineConfig({
  testDir: './e2e',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  globalSetup: './e2e/global-setup.js',
  outputDir: '../target/e2e-results',
  use: {
    baseURL: process.env.FUPIN_URL,
    locale: 'zh-CN',
    viewport: { width: 1366, height: 768 },
    // a step that cannot happen fails with what it waited for, instead of using up the test's time
    actionTimeout: 15_000,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    },
  },
});
