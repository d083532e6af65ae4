import type { RequestHandler, WebSocketHandler } from 'msw';

/** One of the level's servers' MSW handlers (http or ws), served alike in the browser and in Node. */
export type Handler = RequestHandler | WebSocketHandler;
