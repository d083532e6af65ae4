import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** What the level's author expects (read by the tests only) and what the command line measures. */
export const level = JSON.parse(readFileSync('levels/basics/wheres-my-package.json', 'utf8')) as {
  id: string;
  patterns: { offered: string[] };
  expected: Record<string, Array<{ stars: number; passed: boolean; params?: Record<string, number> }>>;
};

export const buttonName: Record<string, RegExp> = {
  polling: /^Polling/,
  webhook: /^Webhook/,
  websocket: /^WebSocket/,
  'plain-request': /^Plain request/,
  sse: /^Server-Sent Events/,
  'direct-call': /^Direct call or queue/,
};

export function simulateJson(
  pattern: string,
  seed = 1,
  levelId = level.id,
  params: Record<string, number> = {},
): { params: Record<string, number>; metrics: Record<string, number>; verdict: { stars: number } } {
  const paramArgs = Object.entries(params).flatMap(([name, value]) => ['--param', `${name}=${value}`]);
  const out = execFileSync(
    process.execPath,
    ['--experimental-websocket', '--no-warnings', '--import', 'tsx', 'src/app/cli/simulate.ts', levelId, '--pattern', pattern, '--seed', String(seed), ...paramArgs, '--json'],
    { encoding: 'utf8' },
  );
  return JSON.parse(out);
}
