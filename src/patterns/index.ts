import type { PatternName } from '../content/patterns.ts';
import type { AppContext } from './app.ts';
import { startDirectCall } from './direct-call.ts';
import { startLongPolling } from './long-polling.ts';
import { startPlainRequest } from './plain-request.ts';
import { startPolling } from './polling-machine.ts';
import { startSse } from './sse.ts';
import { startWebhook } from './webhook-machine.ts';
import { startWebSocket } from './websocket-machine.ts';

export interface RunningPattern {
  stop(): void;
}

export const patterns: Record<PatternName, (app: AppContext) => RunningPattern> = {
  polling: startPolling,
  webhook: startWebhook,
  websocket: startWebSocket,
  'plain-request': startPlainRequest,
  sse: startSse,
  'direct-call': startDirectCall,
  'long-polling': startLongPolling,
};
