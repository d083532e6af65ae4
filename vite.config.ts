import { defineConfig } from 'vitest/config';

// The preview server sends Access-Control-Allow-Origin so that the built game's module scripts
// load inside a sandboxed iframe, whose origin is opaque (DESIGN 6). Static hosts must do the same.
const corsHeaders = { 'Access-Control-Allow-Origin': '*' };

export default defineConfig({
  base: './',
  server: { headers: corsHeaders },
  preview: { headers: corsHeaders },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    // npm run bench builds the stage benchmark page on its own (BENCH_BUILD=1), never into dist/.
    rollupOptions: process.env.BENCH_BUILD ? { input: { bench: 'tests/bench/stage-bench.html' } } : undefined,
  },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    execArgv: ['--experimental-websocket', '--no-warnings=ExperimentalWarning'],
    testTimeout: 20000,
  },
});
