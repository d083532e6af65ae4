/**
 * npm run bench: the budgets of docs/architecture.md, measured.
 * 1. Built JavaScript, gzip: the entry chunk (everything before the first screen) and all of it
 *    (measured by ../size-budget.ts, which npm test also runs).
 * 2. Every level with every pattern it offers, simulated headless from start to end.
 * 3. The stage's frame times (p50, p95) in headless Chromium: while the first level runs, and with
 *    200 and 1,000 labelled packets in flight.
 * 4. A budget phone (./throttled.ts): a busy level's frame times with the CPU slowed 4x; on slow 4G
 *    with that CPU, the first screen and the wait after Run once the briefing was read; the heap
 *    after 25 runs in a row against after 3.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { loadCatalog } from '../../src/app/cli/node-levels.ts';
import { allLevels } from '../../src/content/catalog.ts';
import { defaultParams } from '../../src/content/params.ts';
import { nodeHost } from '../../src/net/node-host.ts';
import { simulate } from '../../src/run/session.ts';
import { percentile } from '../../src/sim/metrics.ts';
import { chromiumArgs, chromiumPath } from '../e2e/chromium.ts';
import { patternButton } from '../e2e/level.ts';
import { budgets, kb, measureBundle } from '../size-budget.ts';
import { firstScreenMs, heapOverRuns, runWait, throttled } from './throttled.ts';

const rows: Array<[string, string, string, boolean]> = [];
const report = (what: string, measured: string, budget: string, ok: boolean) => {
  rows.push([what, measured, budget, ok]);
  console.log(`${ok ? 'ok  ' : 'OVER'} ${what.padEnd(52)} ${measured.padStart(22)}   budget ${budget}`);
};

function sizes(): void {
  const { entryFiles, entry, files, total } = measureBundle('dist');
  report(`Entry chunk, gzip (${entryFiles.join(', ')})`, kb(entry), `<= ${kb(budgets.entry)}`, entry <= budgets.entry);
  report(`All shipped JavaScript, gzip (${files.length} files)`, kb(total), `<= ${kb(budgets.total)}`, total <= budgets.total);
}

async function replay(): Promise<void> {
  const catalog = loadCatalog();
  const host = nodeHost();
  const started = performance.now();
  let runs = 0;
  for (const level of allLevels(catalog)) {
    for (const pattern of level.patterns.offered) {
      await simulate({ level, pattern, params: defaultParams(level, pattern), seed: 1 }, host);
      runs++;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  report(`Headless replay: ${runs} runs (every level x pattern)`, `${seconds.toFixed(2)} s`, '< 10 s', seconds < 10);
}

/** The game and the stage bench are served on BENCH_PORT and the next (4180 unless set), away from the e2e ports. */
const PORT = Number(process.env.BENCH_PORT ?? 4180);
const ORIGIN = `http://127.0.0.1:${PORT}`;

const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };
/**
 * A static host as the game is deployed on one: text is sent gzipped to a browser that accepts it, as
 * every static host and `vite preview` do, and as the size budgets count it. (Sent raw, the stage's
 * chunk is 1.3 MB instead of 0.33 MB, four times as long on the slow-4G link the budgets name.)
 */
function serve(root: string, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    try {
      const raw = readFileSync(file);
      const type = types[extname(file)] ?? 'application/octet-stream';
      const zipped = type !== 'application/octet-stream' && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      const body = zipped ? gzipSync(raw) : raw;
      res.writeHead(200, {
        'content-type': type,
        'access-control-allow-origin': '*',
        'content-length': body.length,
        vary: 'accept-encoding',
        ...(zipped ? { 'content-encoding': 'gzip' } : {}),
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

// Written as text: tsx would wrap a function's inner helpers in __name(), which the page lacks.
const measureFrames = (ms: number) => `new Promise((done) => setTimeout(() => {
  const times = []; let last = performance.now(); const end = last + ${ms};
  const tick = (t) => { times.push(t - last); last = t; if (t < end) requestAnimationFrame(tick); else done(times); };
  requestAnimationFrame(tick);
}, 1000))`;

/** Frame-to-frame times as the page sees them (requestAnimationFrame), after a 1 s warm-up. */
async function frameTimes(page: Page, seconds: number): Promise<number[]> {
  return page.evaluate(measureFrames(seconds * 1000)) as Promise<number[]>;
}

function frameReport(what: string, times: number[], budgetMs: number, inclusive: boolean): void {
  const p50 = percentile(times, 50);
  const p95 = percentile(times, 95);
  // performance.now() in a page that is not cross-origin isolated is coarsened to 0.1 ms, so a frame
  // paced by a 60 Hz display (16.67 ms) reads 16.6 to 16.8 ms. Readings within that resolution of the
  // budget count as within it; a dropped frame reads 33 ms and fails plainly.
  const RESOLUTION = 0.1;
  const dropped = times.filter((t) => t > 20).length;
  const ok = inclusive ? p95 <= budgetMs + RESOLUTION + 1e-9 : p95 < budgetMs;
  report(
    `${what} (${times.length} frames, ${dropped} over 20 ms)`,
    `p50 ${p50.toFixed(2)} / p95 ${p95.toFixed(2)} ms`,
    `p95 ${inclusive ? '<=' : '<'} ${budgetMs} ms${inclusive ? ' (timer resolution 0.1 ms)' : ''}`,
    ok,
  );
}

async function stage(): Promise<void> {
  execFileSync('npx', ['vite', 'build', '--outDir', 'dist-bench', '--emptyOutDir'], { stdio: 'ignore', env: { ...process.env, BENCH_BUILD: '1' } });
  const game = await serve('dist', PORT);
  const bench = await serve('dist-bench', PORT + 1);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await page.goto(`${ORIGIN}/?level=wheres-my-package&speed=1`);
    await page.getByRole('button', { name: 'Choose a pattern' }).click();
    await page.getByRole('button', { name: patternButton('polling') }).click();
    await page.getByLabel('Polling interval').fill('60000');
    await page.getByLabel('Polling interval').dispatchEvent('change');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    // The run is worked out first; measure while it plays.
    await page.getByRole('slider', { name: 'Timeline' }).and(page.locator(':enabled')).waitFor({ timeout: 60_000 });
    frameReport('Stage while the level plays (polling every minute, 1x)', await frameTimes(page, 5), 16.7, true);
    for (const [packets, budget, inclusive] of [
      [200, 16.7, true],
      [1000, 33, false],
    ] as const) {
      await page.goto(`http://127.0.0.1:${PORT + 1}/tests/bench/stage-bench.html?packets=${packets}`);
      await page.waitForFunction(() => (window as unknown as { bench?: { ready: boolean } }).bench?.ready === true);
      frameReport(`Stage with ${packets} labelled packets in flight`, await frameTimes(page, 5), budget, inclusive);
    }
    await playground(browser);
    await budgetPhone(browser);
  } finally {
    await browser.close();
    game.close();
    bench.close();
  }
}

/** The playground's default world: every pattern that can work in it, worked out in the browser (the engine's load included, on a first visit). */
async function playground(browser: import('@playwright/test').Browser): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  await page.goto(`${ORIGIN}/?screen=playground`);
  await page.getByRole('button', { name: 'Run every pattern' }).waitFor();
  const started = Date.now();
  await page.getByRole('button', { name: 'Run every pattern' }).click();
  await page.getByRole('heading', { name: 'Every pattern, same seed' }).waitFor({ timeout: 60_000 });
  const seconds = (Date.now() - started) / 1000;
  report('Playground: every pattern of the default world, first run', `${seconds.toFixed(2)} s`, '< 2 s', seconds < 2);
  await page.close();
}

async function budgetPhone(browser: import('@playwright/test').Browser): Promise<void> {
  const origin = ORIGIN;
  {
    const { page } = await throttled(browser, { network: false });
    await page.goto(`${origin}/?level=live-ticker&speed=1`);
    await page.getByRole('button', { name: 'Choose a pattern' }).click();
    await page.getByRole('button', { name: patternButton('polling') }).click();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByRole('slider', { name: 'Timeline' }).and(page.locator(':enabled')).waitFor({ timeout: 60_000 });
    frameReport('Busy level, CPU 4x slower (live-ticker, 4 viewers polling)', await frameTimes(page, 5), 33, true);
    await page.close();
  }
  {
    const { page } = await throttled(browser, { network: true });
    const ms = await firstScreenMs(page, origin);
    report('First screen usable, slow 4G and CPU 4x slower', `${(ms / 1000).toFixed(2)} s`, '<= 1.5 s', ms <= 1500);
    const { stageReady, playMs } = await runWait(page, origin, 'wheres-my-package', 'webhook', 4000);
    report('Run pressed after 4 s on the briefing: stage drawn', stageReady ? 'ready' : 'not yet', 'ready', stageReady);
    // Not a budget: the run is worked out after Run when it was chosen at once (a progress bar shows meanwhile).
    console.log(`     Run pressed at once after the choice: it plays after ${(playMs / 1000).toFixed(2)} s (worked out meanwhile)`);
    await page.close();
  }
  {
    const { page, cdp } = await throttled(browser, { network: false });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const { after3, after25 } = await heapOverRuns(page, cdp, origin);
    const grown = after25 - after3;
    report('JS heap after 25 runs against after 3', `${after3.toFixed(1)} -> ${after25.toFixed(1)} MB`, 'grows <= 5 MB', grown <= 5);
    await page.close();
  }
}

sizes();
await replay();
await stage();
const over = rows.filter((r) => !r[3]).length;
console.log(over ? `\n${over} figure(s) over budget.` : '\nEvery figure within budget.');
process.exit(over ? 1 : 0);
