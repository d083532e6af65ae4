import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connectBridge } from '../../src/app/embed/bridge.ts';
import { isPersonal, readCommand, readParentOrigin, type Command } from '../../src/app/embed/protocol.ts';

describe('commands from the host page', () => {
  it('reads the valid ones', () => {
    expect(readCommand({ source: 'push-or-poll', type: 'open', level: 'team-chat' })).toEqual({ ok: true, command: { type: 'open', level: 'team-chat' } });
    expect(readCommand({ source: 'push-or-poll', type: 'open', screen: 'guide' })).toEqual({ ok: true, command: { type: 'open', screen: 'guide' } });
    expect(readCommand({ source: 'push-or-poll', type: 'hello' })).toEqual({ ok: true, command: { type: 'hello' } });
  });

  it('ignores, without a word, what is not in its namespace and its own messages echoed back', () => {
    for (const data of [null, 'open', 42, { type: 'open', level: 'team-chat' }, { source: 'other', type: 'open' }, { context: 'h5p', action: 'hello' }])
      expect(readCommand(data)).toEqual({ ok: false, ignore: true });
    for (const type of ['ready', 'resize', 'screen', 'run-finished', 'refused'])
      expect(readCommand({ source: 'push-or-poll', type })).toEqual({ ok: false, ignore: true });
  });

  it('refuses, with a reason, a message in its namespace that is not a valid command', () => {
    const refused = (data: object) => {
      const read = readCommand({ source: 'push-or-poll', ...data });
      expect(read.ok).toBe(false);
      return read as { reason: string; command: string | null };
    };
    expect(refused({ type: 'delete-everything' }).reason).toMatch(/no command "delete-everything"/);
    expect(refused({}).command).toBeNull();
    expect(refused({ type: 'open' }).reason).toMatch(/either a screen or a level/);
    expect(refused({ type: 'open', screen: 'guide', level: 'team-chat' }).reason).toMatch(/either a screen or a level/);
    expect(refused({ type: 'open', screen: 'settings' }).reason).toMatch(/"title", "levels", "guide" and "playground"/);
    expect(refused({ type: 'open', level: '../../etc' }).reason).toMatch(/by its id/);
    expect(refused({ type: 'open', level: 7 }).reason).toMatch(/by its id/);
  });

  it('counts where the learner is and how they did as personal, and nothing else', () => {
    expect(isPersonal({ type: 'screen', screen: 'guide' })).toBe(true);
    expect(isPersonal({ type: 'run-finished', level: 'a', pattern: 'webhook', stars: 3, passed: true })).toBe(true);
    expect(isPersonal({ type: 'resize', height: 10 })).toBe(false);
    expect(isPersonal({ type: 'ready', version: 1 })).toBe(false);
  });
});

describe('parentOrigin', () => {
  it('accepts an origin, with or without a final slash', () => {
    expect(readParentOrigin('https://lms.example.edu')).toEqual({ origin: 'https://lms.example.edu' });
    expect(readParentOrigin('https://lms.example.edu/')).toEqual({ origin: 'https://lms.example.edu' });
    expect(readParentOrigin('http://127.0.0.1:8080')).toEqual({ origin: 'http://127.0.0.1:8080' });
    expect(readParentOrigin(null)).toEqual({});
    expect(readParentOrigin('')).toEqual({});
  });

  it('answers anything else with a warning that says it is ignored', () => {
    for (const bad of [
      '*',
      'lms.example.edu',
      'https://lms.example.edu/course/1',
      'https://lms.example.edu?x=1',
      'javascript:alert(1)',
      'null',
      'file:///tmp',
    ]) {
      const read = readParentOrigin(bad);
      expect(read.origin, bad).toBeUndefined();
      expect(read.warning, bad).toMatch(/is not an origin .* ignored/);
    }
  });
});

/** A game window inside a parent: what the game posts, and a way for any window to post to it. */
function frameWorld(ancestor?: string) {
  const posted: Array<{ data: Record<string, unknown>; target: string }> = [];
  const listeners: Array<(e: MessageEvent) => void> = [];
  const parent = { postMessage: (data: Record<string, unknown>, target: string) => posted.push({ data, target }) };
  const win = {
    parent,
    location: { ancestorOrigins: ancestor ? [ancestor] : undefined },
    addEventListener: (_: string, l: (e: MessageEvent) => void) => listeners.push(l),
    removeEventListener: (_: string, l: (e: MessageEvent) => void) => listeners.splice(listeners.indexOf(l), 1),
  } as unknown as Window;
  const deliver = (data: unknown, origin: string, source: unknown = parent) => listeners.forEach((l) => l({ data, origin, source } as MessageEvent));
  return { win, parent, posted, deliver, listeners };
}

describe('the bridge to the host page', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const connect = (world: ReturnType<typeof frameWorld>, parentOrigin?: string) => {
    const commands: Command[] = [];
    const warnings: string[] = [];
    const bridge = connectBridge({
      win: world.win,
      parentOrigin,
      command: (c) => (commands.push(c), 'level' in c && c.level === 'missing' ? 'there is no level called "missing"' : undefined),
      warn: (m) => warnings.push(m),
    })!;
    return { bridge, commands, warnings };
  };
  const ours = (world: ReturnType<typeof frameWorld>) => world.posted.filter((p) => p.data.source === 'push-or-poll').map((p) => p.data);

  it('without parentOrigin sends to any origin only what carries nothing personal', () => {
    const world = frameWorld();
    const { bridge } = connect(world);
    bridge.send({ type: 'ready', version: 1 });
    bridge.send({ type: 'screen', screen: 'level', level: 'team-chat' });
    bridge.send({ type: 'run-finished', level: 'team-chat', pattern: 'websocket', stars: 3, passed: true });
    bridge.height(480);
    expect(ours(world)).toEqual([
      { source: 'push-or-poll', type: 'ready', version: 1 },
      { source: 'push-or-poll', type: 'resize', height: 480 },
    ]);
    expect(world.posted.every((p) => p.target === '*')).toBe(true);
  });

  it('with parentOrigin sends everything, and to that origin only', () => {
    const world = frameWorld('https://lms.example.edu');
    const { bridge } = connect(world, 'https://lms.example.edu');
    bridge.send({ type: 'run-finished', level: 'team-chat', pattern: 'websocket', stars: 3, passed: true });
    bridge.height(480);
    expect(ours(world).map((m) => m.type)).toEqual(['run-finished', 'resize']);
    expect(world.posted.length).toBeGreaterThan(2);
    expect(new Set(world.posted.map((p) => p.target))).toEqual(new Set(['https://lms.example.edu']));
  });

  it('sends nothing, and says so once, when parentOrigin is not the page around it', () => {
    const world = frameWorld('https://evil.example');
    const { bridge, commands, warnings } = connect(world, 'https://lms.example.edu');
    bridge.send({ type: 'ready', version: 1 });
    bridge.height(480);
    vi.advanceTimersByTime(60_000);
    world.deliver({ source: 'push-or-poll', type: 'open', screen: 'guide' }, 'https://evil.example');
    expect(world.posted).toEqual([]);
    expect(commands).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/parentOrigin is https:\/\/lms\.example\.edu but the page around the game is https:\/\/evil\.example/);
  });

  it('takes commands only from the parent window and its pinned origin', () => {
    const world = frameWorld('https://lms.example.edu');
    const { commands } = connect(world, 'https://lms.example.edu');
    const open = { source: 'push-or-poll', type: 'open', screen: 'guide' };
    world.deliver(open, 'https://lms.example.edu', { postMessage() {} }); // a sibling frame
    world.deliver(open, 'https://evil.example'); // the parent, navigated elsewhere
    world.deliver(open, 'https://lms.example.edu', world.win); // the game itself
    expect(commands).toEqual([]);
    world.deliver(open, 'https://lms.example.edu');
    expect(commands).toEqual([{ type: 'open', screen: 'guide' }]);
  });

  it('answers a refused command with its reason, and ignores what is not its own', () => {
    const world = frameWorld();
    const { commands } = connect(world);
    world.deliver({ source: 'push-or-poll', type: 'open', level: 'missing' }, 'https://lms.example.edu');
    world.deliver({ source: 'push-or-poll', type: 'format-disk' }, 'https://lms.example.edu');
    world.deliver({ source: 'push-or-poll', type: 'resize', height: 1 }, 'https://lms.example.edu');
    world.deliver({ hello: 'world' }, 'https://lms.example.edu');
    world.deliver('{"source":"push-or-poll","type":"hello"}', 'https://lms.example.edu');
    expect(commands).toEqual([{ type: 'open', level: 'missing' }]);
    expect(ours(world)).toEqual([
      { source: 'push-or-poll', type: 'refused', command: 'open', reason: 'there is no level called "missing"' },
      { source: 'push-or-poll', type: 'refused', command: 'format-disk', reason: expect.stringMatching(/no command "format-disk"/) },
    ]);
  });

  it('reports each height as lti.frameResize too', () => {
    const world = frameWorld();
    const { bridge } = connect(world);
    bridge.height(512);
    expect(world.posted.map((p) => p.data)).toContainEqual({ subject: 'lti.frameResize', height: 512 });
  });

  it("walks H5P's resizer handshake, and says hello again while nobody answers", () => {
    const world = frameWorld();
    const { bridge } = connect(world);
    const h5p = () => world.posted.filter((p) => p.data.context === 'h5p').map((p) => p.data);
    expect(h5p()).toEqual([{ context: 'h5p', action: 'hello' }]);
    vi.advanceTimersByTime(500);
    expect(h5p()).toHaveLength(2);
    bridge.height(600);
    expect(h5p().at(-1)).toEqual({ context: 'h5p', action: 'hello' });
    vi.advanceTimersByTime(60_000);
    const unanswered = h5p().length;
    expect(unanswered).toBe(7); // the first, five retries, and one per height until an answer
    vi.advanceTimersByTime(60_000);
    expect(h5p()).toHaveLength(unanswered);

    world.deliver({ context: 'h5p', action: 'hello' }, 'https://lms.example.edu');
    expect(h5p().at(-1)).toEqual({ context: 'h5p', action: 'prepareResize', scrollHeight: 600, clientHeight: 600 });
    world.deliver({ context: 'h5p', action: 'resizePrepared' }, 'https://lms.example.edu');
    expect(h5p().at(-1)).toEqual({ context: 'h5p', action: 'resize', scrollHeight: 600 });
    bridge.height(700);
    expect(h5p().at(-1)).toEqual({ context: 'h5p', action: 'prepareResize', scrollHeight: 700, clientHeight: 700 });
    // The host window was resized: measure again.
    world.deliver({ context: 'h5p', action: 'resize' }, 'https://lms.example.edu');
    expect(h5p().at(-1)).toEqual({ context: 'h5p', action: 'prepareResize', scrollHeight: 700, clientHeight: 700 });
  });

  it("says hello when H5P's resizer loads after the game, and stops listening when stopped", () => {
    const world = frameWorld();
    const { bridge } = connect(world);
    const hellos = () => world.posted.filter((p) => p.data.action === 'hello').length;
    const before = hellos();
    world.deliver({ context: 'h5p', action: 'ready' }, 'https://lms.example.edu');
    expect(hellos()).toBe(before + 1);
    bridge.stop();
    expect(world.listeners).toHaveLength(0);
  });

  it('is not there when the game is not in a frame', () => {
    const win = { addEventListener() {}, location: {} } as unknown as Window & { parent: unknown };
    (win as { parent: unknown }).parent = win;
    expect(connectBridge({ win, command: () => undefined, warn: () => {} })).toBeUndefined();
  });
});
