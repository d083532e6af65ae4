import type { MomentKind } from '../flow/moments.ts';

/**
 * The words the stage draws on its canvas, in the player's language. The stage may not read the game's text
 * (docs/architecture.md, layers): the ui hands them over in the StageModel (src/ui/stage-model.ts), and the scene
 * sets them here as it is created, before it draws anything.
 */
export interface StageWords {
  /** A moment's call-out on its actor's node; `{label}` is what the trace says of it. */
  callouts: Record<MomentKind, string>;
  /** The call-out's word alone, for a node too narrow for the whole of it. */
  calloutWords: Record<MomentKind, string>;
  /** The legend of message colours. */
  legend: { request: string; answer: string; unchanged: string; webhook: string; stream: string; failed: string };
  /** The places that are not the public internet, and the public internet itself. */
  places: { noPublicAddress: string; ownNetwork: string; dashed: string; publicInternet: string; thePublicInternet: string };
  /** The timeline's first label and its legend. */
  timeline: { start: string; userActs: string; changeHappens: string; everyClientKnows: string; appLearns: string; wait: string; refusedOrLost: string };
  /** Said while the playback crosses quiet time faster than messages move: in full, and short for a small stage. */
  skipping: string;
  skippingShort: string;
}

let current: StageWords | undefined;

export function setStageWords(words: StageWords): void {
  current = words;
}

export function stageWords(): StageWords {
  if (!current) throw new Error('The stage draws words before its model gave them (setStageWords)');
  return current;
}
