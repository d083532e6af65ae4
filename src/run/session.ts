import { evaluateGoals, measure, verdictOf, type GoalResult, type Verdict } from '../content/goals.ts';
import { defenceNames, defenceOn, type DefenceName } from '../content/pattern-registry.ts';
import type { PatternName } from '../content/patterns.ts';
import type { Level } from '../content/schema.ts';
import { tapFetch } from '../net/fetch-tap.ts';
import { createHandlers } from '../net/handlers.ts';
import type { NetworkHost } from '../net/host.ts';
import { World } from '../net/world.ts';
import { createApp } from '../patterns/app.ts';
import { patterns, type RunningPattern } from '../patterns/index.ts';
import { VirtualClock } from '../sim/clock.ts';
import { defenceCatches, type Metrics } from '../sim/metrics.ts';
import { createRandom } from '../sim/random.ts';
import { Trace, type TraceEvent } from '../sim/trace.ts';

/**
 * One run: a level's world, the mocked network and the chosen pattern's client code, all on one
 * virtual clock. Headless it runs as fast as the work allows; in the browser the player's speed
 * decides how far it advances each frame.
 */

const isDefence = (name: string): name is DefenceName => (defenceNames as readonly string[]).includes(name);

export interface RunConfig {
  level: Level;
  pattern: PatternName;
  params: Record<string, number>;
  seed: number;
}

export interface RunResult extends RunConfig {
  trace: readonly TraceEvent[];
  metrics: Metrics;
  goals: GoalResult[];
  verdict: Verdict;
  /** What each defence of your app caught, by defence name (none when nothing was caught). */
  caught: Record<string, number>;
}

export class Session {
  readonly clock = new VirtualClock();
  readonly trace = new Trace();
  readonly world: World;
  readonly endMs: number;
  private running: RunningPattern[] = [];
  private untap: (() => void) | undefined;
  private result: RunResult | undefined;

  constructor(
    readonly config: RunConfig,
    private readonly host: NetworkHost,
  ) {
    const random = createRandom(config.seed);
    this.world = new World(config.level, this.clock, this.trace, random.fork('network'));
    // What the source server does for a connection that is behind, where that is a defence of the run.
    this.world.serverDefends = (defence) => isDefence(defence) && defenceOn(config.pattern, config.params, defence);
    this.endMs = config.level.world.durationMs;
  }

  start(): void {
    this.host.use(createHandlers(this.world));
    this.untap = tapFetch(this.clock);
    this.world.start();
    const apps = this.world.clients.map((client) => createApp(this.world, this.config.pattern, this.config.params, client));
    const act = this.config.level.text.en.act ?? 'acts';
    this.world.acts().forEach(({ atMs, client }, n) => {
      const app = apps[this.world.clients.findIndex((c) => c.id === client)];
      this.clock.setTimeout(() => app.act(n + 1, `${this.world.person(client)} ${act}`), atMs);
    });
    const runs = this.world.you.runs;
    if (!runs) {
      // Each client starts when it joins: all at the start, unless the level spreads them.
      const joins = this.world.joins();
      apps.forEach((app, i) => {
        const at = joins.get(this.world.clients[i].id) ?? 0;
        if (at === 0) this.running.push(patterns[this.config.pattern](app));
        else this.clock.setTimeout(() => this.running.push(patterns[this.config.pattern](app)), at);
      });
      return;
    }
    // An app that runs now and then (a script): its code runs only inside its windows.
    const [app] = apps;
    for (let at = runs.startMs ?? 0; at < this.endMs; at += runs.everyMs) {
      this.clock.setTimeout(() => {
        app.note('Your script starts.');
        this.running = [patterns[this.config.pattern](app)];
      }, at);
      this.clock.setTimeout(() => {
        for (const running of this.running) running.stop();
        this.running = [];
        app.note('Your script stops until its next run.');
      }, at + runs.forMs);
    }
  }

  /** Advance to `target` (at most the end); stop early when `stopWhen` says so. */
  async advanceTo(target: number, stopWhen?: () => boolean): Promise<void> {
    await this.clock.advanceTo(Math.min(target, this.endMs), stopWhen);
  }

  /** Advance until the next message leaves its sender, or the end. */
  async step(): Promise<void> {
    await this.clock.settle();
    const before = this.trace.events.length;
    await this.advanceTo(this.endMs, () => this.trace.events.slice(before).some((e) => e.type === 'packet'));
  }

  /** Stop everything and measure. Safe to call more than once. */
  finish(): RunResult {
    if (this.result) return this.result;
    for (const running of this.running) running.stop();
    this.world.stop();
    this.clock.clear();
    this.untap?.();
    this.host.reset();
    const metrics = measure(this.config.level, this.trace.events, Math.min(this.clock.now(), this.endMs));
    const goals = evaluateGoals(this.config.level, metrics);
    this.result = { ...this.config, trace: this.trace.events, metrics, goals, verdict: verdictOf(goals, metrics), caught: defenceCatches(this.trace.events) };
    return this.result;
  }
}

/**
 * Run a level from start to end as fast as the work allows, or until `stopWhen` says so. It is always
 * measured, which also stops the run's timers and takes its handlers off the network.
 */
export async function simulate(config: RunConfig, host: NetworkHost, stopWhen?: () => boolean): Promise<RunResult> {
  const session = new Session(config, host);
  session.start();
  try {
    await session.advanceTo(session.endMs, stopWhen);
  } finally {
    session.finish();
  }
  return session.finish();
}
