// Before the browser tests: make sure a Chromium is there, and say clearly what to do if not.
// Order: $CHROMIUM_PATH, Debian's /usr/bin/chromium, Playwright's own download; on a Debian
// machine where we are root, install Debian's package; elsewhere ask Playwright to download one.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const found = () =>
  [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p)) ??
  (() => {
    try {
      const own = chromium.executablePath();
      return existsSync(own) ? own : undefined;
    } catch {
      return undefined;
    }
  })();

function attempt(what, command) {
  console.log(`No Chromium found; ${what}: ${command}`);
  try {
    execSync(command, { stdio: 'inherit' });
  } catch {
    console.log(`That did not work.`);
  }
}

if (!found()) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && existsSync('/usr/bin/apt-get')) {
    attempt("installing Debian's package", 'apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium');
  } else {
    attempt("downloading Playwright's", 'npx playwright install chromium');
  }
}
const path = found();
if (!path) {
  console.error(
    'The browser tests need Chromium and none could be installed.\n' +
      '  Debian/Ubuntu: sudo apt-get install -y chromium\n' +
      '  elsewhere:     npx playwright install chromium\n' +
      '  or set CHROMIUM_PATH to a Chromium binary.',
  );
  process.exit(1);
}
console.log(`Browser tests use ${path}`);
