import type { NetworkHost } from '../net/host.ts';
import { simulate, type RunConfig, type RunResult } from '../run/session.ts';

/**
 * Runs are worked out whole, as fast as the work allows, before they are played. The page has one
 * mocked network, so one run is worked out at a time. A run may be started early, while the player
 * is still choosing (`prepare`); when the player changes their mind, the run no longer wanted is
 * given up at its next timer.
 */

export class RunAbandoned extends Error {
  constructor() {
    super('The run was given up before it was worked out.');
  }
}

interface Job {
  config: RunConfig;
  abandoned: boolean;
  result: Promise<RunResult>;
}

let current: Job | undefined;
let queue: Promise<unknown> = Promise.resolve();

const sameRun = (a: RunConfig, b: RunConfig) =>
  a.level === b.level && a.pattern === b.pattern && a.seed === b.seed && JSON.stringify(a.params) === JSON.stringify(b.params);

async function work(job: Job, host: NetworkHost): Promise<RunResult> {
  if (job.abandoned) throw new RunAbandoned();
  const result = await simulate(job.config, host, () => job.abandoned);
  if (job.abandoned) throw new RunAbandoned();
  return result;
}

/** The run for `config`: the one already being worked out if it is the same, else a new one. */
export function computeRun(config: RunConfig, host: NetworkHost): Promise<RunResult> {
  if (current && !current.abandoned && sameRun(current.config, config)) return current.result;
  if (current) current.abandoned = true;
  const job = { config, abandoned: false } as Job;
  job.result = queue.then(() => work(job, host));
  queue = job.result.catch(() => undefined);
  current = job;
  return job.result;
}

/** Start working out a run the player may soon ask for; nothing waits for it. */
export function prepareRun(config: RunConfig, host: NetworkHost): void {
  computeRun(config, host).catch(() => undefined);
}

/** Give up the run for `config` if it is still being worked out (the player stopped it). */
export function abandonRun(config: RunConfig): void {
  if (current && sameRun(current.config, config)) current.abandoned = true;
}
