// End-to-end tests against the real server on a temporary database, in Debian's Chromium.
// Never `npx playwright install`: that would download a browser, which these machines refuse.
const { defineConfig } = require('@playwright/test');

module.exports = defineConfig({
  testDir: '.',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS || 2),
  retries: 0,
  reporter: [['list']],
  use: {
    // Each spec's server takes a free port of its own (server.js) and names its base URL.
    timezoneId: 'Asia/Almaty',
    locale: 'en-GB',
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
             '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
