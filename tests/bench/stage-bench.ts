import { startStage } from '../../src/stage/index.ts';
import type { StageFeed } from '../../src/stage/model.ts';
import type { PacketEvent, TraceEvent } from '../../src/sim/trace.ts';
import { en } from '../../src/content/text/en.ts';

/**
 * The stage under load: ?packets=N keeps N labelled packets in flight between the two actors of the
 * first level, each crossing in 2 s, while the benchmark reads the stage's frame times. The packets
 * are generated here for the measurement; the game itself only ever draws a run's trace.
 */
const params = new URLSearchParams(location.search);
const inFlight = Number(params.get('packets') ?? 200);
const FLIGHT_MS = 2000;
const labels: Array<Pick<PacketEvent, 'kind' | 'label' | 'outcome' | 'status' | 'from' | 'to'>> = [
  { kind: 'request', label: 'GET /v1/tracking/PKG-1043', outcome: 'ok', from: 'shop', to: 'carrier' },
  { kind: 'response', label: '304 Not Modified', outcome: 'unchanged', status: 304, from: 'carrier', to: 'shop' },
  { kind: 'webhook', label: 'POST /webhooks/shipping', outcome: 'ok', from: 'carrier', to: 'shop' },
  { kind: 'response', label: '200 OK', outcome: 'ok', status: 200, from: 'carrier', to: 'shop' },
];

const events: TraceEvent[] = [];
const start = performance.now();
let made = 0;
const now = () => performance.now() - start;
function topUp(): void {
  const due = Math.floor((now() / FLIGHT_MS) * inFlight) + inFlight;
  for (; made < due; made++) {
    const t = ((made - inFlight) * FLIGHT_MS) / inFlight;
    events.push({ type: 'packet', seq: made, t, arriveAt: t + FLIGHT_MS, size: 100, ...labels[made % labels.length] });
  }
  requestAnimationFrame(topUp);
}
topUp();

// Every packet generated has left its sender by now (its t is in the past): all of them are shown.
const feed: StageFeed = { now, position: now, events, shown: () => events.length, moments: [], skipping: () => false, finished: () => false };
const root = document.getElementById('stage')!;
void startStage(root, {
  durationMs: 60_000,
  statusCaption: { shop: 'Knows', carrier: 'Now' },
  words: en.stage,
  actors: [
    { id: 'shop', kind: 'app', label: 'Your shop', host: 'shop.example', x: 0.22, y: 0.55, status: 'Label created' },
    { id: 'carrier', kind: 'server', label: 'Carrier API', host: 'api.carrier.example', x: 0.78, y: 0.55, status: 'Label created' },
  ],
}).then((stage) => {
  stage.setFeed(feed);
  (window as unknown as { bench: { frameTimes(): number[]; ready: boolean } }).bench = { frameTimes: () => stage.frameTimes(), ready: true };
});
