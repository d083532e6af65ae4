import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './tests/e2e/chromium.ts';
import { GAME_ORIGIN, GAME_PORT, HOST_ORIGIN, HOST_PORT } from './tests/e2e/ports.ts';

// The game is the production build served by `vite preview` on localhost:4173 (E2E_PORT); the iframe
// tests load it from a host page on another origin (127.0.0.1, the next port), as a course page would.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: GAME_ORIGIN,
    viewport: { width: 1280, height: 860 },
    launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
  },
  webServer: [
    {
      command: `npx vite preview --port ${GAME_PORT} --strictPort`,
      url: GAME_ORIGIN,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: 'node tests/e2e/course-host.mjs',
      env: { COURSE_PORT: String(HOST_PORT), GAME_URL: `${GAME_ORIGIN}/` },
      url: `${HOST_ORIGIN}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
  ],
});
