import { NAMESPACE, readCommand, type Command, type GameMessage, isPersonal } from './protocol.ts';

/**
 * The game's side of postMessage with the page around it. Messages go to the parent window only: to
 * the pinned parentOrigin when there is one, otherwise to '*' and then only those that carry nothing
 * personal. Messages come in only from the parent window (and its pinned origin): the game's commands,
 * and H5P's resizer handshake. Everything else is ignored.
 */

export interface Bridge {
  send(message: GameMessage): void;
  /** The game's content is now `height` px tall: tell the host in each dialect it may speak. */
  height(height: number): void;
  stop(): void;
}

export interface BridgeOptions {
  win: Window;
  parentOrigin?: string;
  /** Carry out a command; return why it was refused, or undefined when done. */
  command(command: Command): string | undefined;
  warn(message: string): void;
}

type H5PAction = 'ready' | 'hello' | 'prepareResize' | 'resizePrepared' | 'resize';
const h5pActions = new Set<string>(['ready', 'hello', 'resizePrepared', 'resize']);

/** Hello goes out again while H5P's resizer has not answered: now, then after 0.5, 1, 2, 4 and 8 s. */
const HELLO_RETRIES = 5;

export function connectBridge(options: BridgeOptions): Bridge | undefined {
  const { win, parentOrigin, warn } = options;
  const parent = win.parent;
  if (!parent || parent === win) return undefined;

  // A pinned origin that is not the parent's: the browser would drop every message without a word (or, in
  // some browsers, log an error for each). Where the browser names the parent's origin (Chromium, Safari),
  // check first, send nothing at all and say once why, so the course author knows what to fix.
  const ancestor = win.location.ancestorOrigins?.[0];
  const mismatch = parentOrigin !== undefined && ancestor !== undefined && ancestor !== parentOrigin;
  if (mismatch) {
    warn(`Push or Poll: parentOrigin is ${parentOrigin} but the page around the game is ${ancestor}: the game sends it nothing and takes no command from it.`);
  }
  const post = (data: unknown) => {
    if (!mismatch) parent.postMessage(data, parentOrigin ?? '*');
  };

  let lastHeight = 0;
  let h5pAnswered = false;
  let helloTries = 0;
  let helloTimer: ReturnType<typeof setTimeout> | undefined;
  const h5p = (action: H5PAction, extra: Record<string, number> = {}) => post({ context: 'h5p', action, ...extra });
  const helloAgainLater = () => {
    if (h5pAnswered || helloTries >= HELLO_RETRIES) return;
    helloTimer = setTimeout(
      () => {
        helloTries++;
        h5p('hello');
        helloAgainLater();
      },
      500 * 2 ** helloTries,
    );
  };
  const prepareResize = () => h5p('prepareResize', { scrollHeight: lastHeight, clientHeight: lastHeight });

  const onH5P = (action: string) => {
    if (action === 'ready') h5p('hello');
    else if (action === 'hello') {
      h5pAnswered = true;
      clearTimeout(helloTimer);
      if (lastHeight > 0) prepareResize();
    } else if (h5pAnswered && action === 'resizePrepared') h5p('resize', { scrollHeight: lastHeight });
    else if (h5pAnswered && action === 'resize') prepareResize();
  };

  const refuse = (command: string | null, reason: string) => post({ source: NAMESPACE, type: 'refused', command, reason });
  const onMessage = (event: MessageEvent) => {
    if (event.source !== parent || mismatch) return;
    if (parentOrigin !== undefined && event.origin !== parentOrigin) return;
    const data = event.data as { context?: unknown; action?: unknown } | null;
    if (typeof data === 'object' && data !== null && data.context === 'h5p') {
      if (typeof data.action === 'string' && h5pActions.has(data.action)) onH5P(data.action);
      return;
    }
    const read = readCommand(event.data);
    if (read.ok) {
      const refused = options.command(read.command);
      if (refused !== undefined) refuse(read.command.type, refused);
    } else if (!('ignore' in read)) refuse(read.command, read.reason);
  };
  win.addEventListener('message', onMessage);

  h5p('hello');
  helloAgainLater();

  return {
    send(message) {
      if (isPersonal(message) && parentOrigin === undefined) return;
      post({ source: NAMESPACE, ...message });
    },
    height(height) {
      lastHeight = height;
      post({ source: NAMESPACE, type: 'resize', height });
      post({ subject: 'lti.frameResize', height });
      if (h5pAnswered) prepareResize();
      else h5p('hello');
    },
    stop() {
      clearTimeout(helloTimer);
      win.removeEventListener('message', onMessage);
    },
  };
}
