import type { Scorm12Api } from './api.ts';

/**
 * The calls the game makes to the platform. A call that throws or answers "false" (or an error code) is
 * logged once, as a warning, and play goes on: the learner keeps playing, the platform may miss part of
 * the session.
 */
export class Lms {
  private warned = false;
  private finished = false;

  constructor(
    private readonly api: Scorm12Api,
    private readonly warn: (message: string) => void = (m) => console.warn(m),
  ) {}

  initialize(): boolean {
    return this.call('LMSInitialize', () => this.api.LMSInitialize('')) === 'true';
  }

  get(element: string): string {
    const value = this.call(`LMSGetValue("${element}")`, () => this.api.LMSGetValue(element));
    return value ?? '';
  }

  set(element: string, value: string): boolean {
    return this.call(`LMSSetValue("${element}")`, () => this.api.LMSSetValue(element, value)) === 'true';
  }

  commit(): boolean {
    return this.call('LMSCommit', () => this.api.LMSCommit('')) === 'true';
  }

  finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.call('LMSFinish', () => this.api.LMSFinish(''));
  }

  private call(what: string, run: () => string): string | undefined {
    let answer: string;
    try {
      answer = String(run());
    } catch (e) {
      this.fail(what, `threw ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
    // A getter answers with the value (check the error code); the others answer "true" or "false".
    const getter = what.startsWith('LMSGetValue');
    if (getter || answer !== 'true') {
      const code = this.lastError();
      const failed = getter ? code !== '0' && code !== '' : true;
      if (failed) {
        this.fail(what, `answered ${JSON.stringify(answer)}${code !== '0' && code !== '' ? ` (error ${code}: ${this.errorString(code)})` : ''}`);
        return getter ? '' : undefined;
      }
    }
    return answer;
  }

  private lastError(): string {
    try {
      return String(this.api.LMSGetLastError());
    } catch {
      return '';
    }
  }

  private errorString(code: string): string {
    try {
      return String(this.api.LMSGetErrorString(code));
    } catch {
      return 'no description';
    }
  }

  private fail(what: string, how: string): void {
    if (this.warned) return;
    this.warned = true;
    this.warn(`Push or Poll: the learning platform's ${what} ${how}. The game plays on; the platform may not record all of this session.`);
  }
}
