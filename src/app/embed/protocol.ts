/**
 * The messages between the game and the page around it (README, "Messages to and from the host page").
 * Pure: what a message may look like, which of them carry something personal, and how a command is
 * read and checked. The window plumbing is in ./bridge.ts.
 */

export const NAMESPACE = 'push-or-poll';
export const PROTOCOL_VERSION = 1;

export type ScreenName = 'title' | 'levels' | 'guide' | 'playground' | 'level';

/** What the game tells the host page. */
export type GameMessage =
  | { type: 'ready'; version: number }
  | { type: 'resize'; height: number }
  | { type: 'screen'; screen: ScreenName; level?: string }
  | { type: 'run-finished'; level: string; pattern: string; stars: number; passed: boolean }
  | { type: 'refused'; command: string | null; reason: string };

/** What the host page may ask. */
export type Command = { type: 'open'; screen: Exclude<ScreenName, 'level'> } | { type: 'open'; level: string } | { type: 'hello' };

/**
 * Messages about the learner (where they are, how they did) go only to a host page whose origin was
 * pinned with parentOrigin; the rest (ready, heights, refusals) carry nothing personal.
 */
export const isPersonal = (message: GameMessage): boolean => message.type === 'screen' || message.type === 'run-finished';

const ownTypes = new Set<string>(['ready', 'resize', 'screen', 'run-finished', 'refused']);
const pages = new Set<string>(['title', 'levels', 'guide', 'playground']);
const levelId = /^[a-z0-9][a-z0-9-]{0,63}$/;

export type Read = { ok: true; command: Command } | { ok: false; reason: string; command: string | null } | { ok: false; ignore: true };

/**
 * Read a message from the host page. Anything outside the namespace, and the game's own messages
 * echoed back, are ignored without a word; a message in the namespace that is not a valid command is
 * refused with a reason.
 */
export function readCommand(data: unknown): Read {
  if (typeof data !== 'object' || data === null || (data as { source?: unknown }).source !== NAMESPACE) return { ok: false, ignore: true };
  const message = data as Record<string, unknown>;
  const type = typeof message.type === 'string' ? message.type : null;
  if (type !== null && ownTypes.has(type)) return { ok: false, ignore: true };
  const refuse = (reason: string): Read => ({ ok: false, reason, command: type });
  if (type === 'hello') return { ok: true, command: { type: 'hello' } };
  if (type !== 'open') return refuse(type === null ? 'a command needs a type' : `there is no command "${type}"; the commands are "open" and "hello"`);
  const { screen, level } = message;
  if ((screen === undefined) === (level === undefined)) return refuse('"open" takes either a screen or a level');
  if (level !== undefined) {
    if (typeof level !== 'string' || !levelId.test(level)) return refuse('a level is named by its id, such as "wheres-my-package"');
    return { ok: true, command: { type: 'open', level } };
  }
  if (typeof screen !== 'string' || !pages.has(screen)) return refuse('the screens are "title", "levels", "guide" and "playground"');
  return { ok: true, command: { type: 'open', screen: screen as Exclude<ScreenName, 'level'> } };
}

/** A parentOrigin parameter: an origin such as https://lms.example.edu, or a warning saying why it is not one. */
export function readParentOrigin(text: string | null): { origin?: string; warning?: string } {
  if (text === null || text === '') return {};
  try {
    const url = new URL(text);
    const web = url.protocol === 'https:' || url.protocol === 'http:';
    if (web && (text === url.origin || text === `${url.origin}/`)) return { origin: url.origin };
  } catch {
    // not a URL at all: the warning below says so
  }
  return {
    warning: `Push or Poll: parentOrigin "${text}" is not an origin (such as https://lms.example.edu), so it is ignored: the game sends the host page only messages that carry nothing personal.`,
  };
}
