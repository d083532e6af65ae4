import { levelText } from '../content/present.ts';
import { clientsOf, type Level } from '../content/schema.ts';
import type { RunView } from '../flow/run-view.ts';
import type { StageFeed, StageModel } from '../stage/model.ts';
import { language, words } from '../content/text/index.ts';
import { traceWords } from '../content/trace-words.ts';

/** What the stage draws for a level before and during a run. */
export function stageModel(level: Level, device: { narrow?: boolean; reducedMotion?: boolean } = {}): StageModel {
  const text = levelText(level);
  const clients = clientsOf(level);
  return {
    durationMs: level.world.durationMs,
    // An app that starts without the data knows nothing yet; your clients and the source start from the first
    // status; anyone else (someone on the internet, another service) has no status line: it follows nothing.
    actors: level.actors.map((a) => ({
      ...a,
      label: text.actors[a.id] ?? a.id,
      status:
        a.kind === 'app' && level.world.initialKnown === false
          ? words().ui.nothingYet
          : clients.includes(a.id) || a.id === level.source.actor
            ? text.statuses[level.world.statuses[0]]
            : '',
    })),
    statusCaption: {
      ...Object.fromEntries(clients.map((c) => [c, clients.length > 1 ? words().ui.sees : words().ui.yourAppKnows])),
      [level.source.actor]: words().ui.actually,
    },
    statusAppends: level.source.stream !== undefined,
    words: words().stage,
    clients: clients.length,
    acts: level.world.actions !== undefined,
    ...device,
  };
}

/** What the stage reads of a run as it plays: the playhead's time and position, the events, and the moments. */
export function stageFeed(view: RunView): StageFeed {
  return {
    now: () => view.now(),
    position: () => view.position(),
    // What an app knows and what changed are drawn in the player's language (the run wrote the level's English).
    events: language() === 'en' ? view.events : view.events.map((e) => (e.type === 'mark' ? { ...e, label: traceWords(e.label) } : e)),
    shown: () => view.shown(),
    moments: view.pacing.moments,
    skipping: () => view.skipping(),
    finished: () => view.finished(),
  };
}
