import type { PatternSource } from '../content/pattern-registry.ts';
import type { PatternName } from '../content/patterns.ts';
import type { Language } from '../content/text/index.ts';
import type { StageHandle, StageModel } from '../stage/model.ts';

/** What the app hands the ui: the lazy stage, saved progress, the patterns' source. */
export interface UiPorts {
  loadStage(parent: HTMLElement, model: StageModel): Promise<StageHandle>;
  progress: ProgressPort;
  /** The text of a pattern's client file, `src/patterns/<source or wiring>.ts`, for "the code that ran". */
  loadSource(source: PatternSource): Promise<string>;
  embed: boolean;
  /** For the "Embed this level" panel, outside an embed: the game's address and how a parentOrigin is read. */
  embedding?: { address: string; readOrigin(text: string): { origin?: string; warning?: string } };
  /** Speak another language from now on: remember the choice and draw the game again in it (a reload). */
  chooseLanguage?(lang: Language): void;
}

export interface ProgressPort {
  /** Best stars earned in a level (0 when never played). */
  stars(levelId: string): number;
  /** The level played last. */
  last(): string | undefined;
  record(levelId: string, pattern: PatternName, stars: number, passed?: boolean): void;
  /** A short code that carries the progress to another browser or site. */
  exportCode(): string;
  /** Replace the progress with the one in a code; false when the code is not one. */
  importCode(code: string): boolean;
  reset(): void;
  /** False when the browser refused storage: the game plays without saving. */
  readonly saving: boolean;
  /** True when the saved value was damaged and has been set aside. */
  readonly recovered: boolean;
}
