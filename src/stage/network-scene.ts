import Phaser from 'phaser';
import { formatClock } from '../sim/format.ts';
import type { MarkEvent, PacketEvent } from '../sim/trace.ts';
import type { PacedMoment } from '../flow/pacing.ts';
import { Callouts, CALLOUT_MS } from './callouts.ts';
import { badgeRadius, FAILED_RING, linkPath, markAtReceiver, type Path } from './geometry.ts';
import { drawBadge, iconOf } from './icons.ts';
import { drawPipe, type PipeKind } from './pipes.ts';
import { drawPlaces, placesOf } from './places.ts';
import { setStageWords, stageWords } from './words.ts';
import { countAtMost } from '../sim/sorted.ts';
import type { Spot, StageLayout } from './layout.ts';
import type { StageActor, StageFeed, StageModel } from './model.ts';
import { PACKET_ATLAS, PACKET_FONT_PX, PacketAtlas } from './packet-textures.ts';
import { packetColor, packetShortText, packetText, palette, toNumber } from './palette.ts';
import { Timeline } from './timeline.ts';

/** How far a refused message's ring stands clear of the nodes and their icons, in stage pixels. */
const RING_GAP = 6;
/** Past this many packets in flight, new ones carry their short label (method or status) only. */
const CROWDED = 150;
/** A median frame longer than this (60 a second is 16.7 ms) means the stage cannot keep 60 up. */
const SLOW_FRAME_MS = 24;
const FONT = 'system-ui, -apple-system, "Segoe UI", sans-serif';

interface NodeView extends Spot {
  actor: StageActor;
  status: Phaser.GameObjects.Text;
  /** What the status line says now, before its caption. */
  shown: string;
  /** What it says on the canvas (set once a frame: text is costly to lay out). */
  drawn: string;
  flash: Phaser.GameObjects.Rectangle;
}

interface Flight {
  packet: PacketEvent;
  bob: Phaser.GameObjects.Bob;
  /** Where the pill's top-left corner goes at either end of its way (bobs are placed by that corner). */
  path: Path | undefined;
  /** The fraction of its way at which it leaves the stage (1, or less when lost). */
  goneAt: number;
  /** The pill's size, and where its top-left corner is. */
  w: number;
  h: number;
  x: number;
  y: number;
  /** Its words and colour, and how many like messages it carries ("×9": sent together on the same way). */
  text: string;
  colour: string;
  count: number;
}

/**
 * The network at work: actors as nodes, links between them, every message of the run as a
 * labelled packet on its link at the playhead's time, open connections as a lit pipe, the moments
 * that decide the verdict called out where they happen, and the timeline of the run underneath.
 * It only reads the feed; the playhead may go back, and the stage then shows the run as it stood.
 * With reduced motion a packet is drawn at its sender for the first half of its way and at its
 * receiver for the second, never slid, and nothing pulses.
 */
export class NetworkScene extends Phaser.Scene {
  private feed: StageFeed | undefined;
  private read = 0;
  private momentsRead = 0;
  private lastNow = 0;
  /** Each actor's node; the clients that one "+N more" node stands for share it. */
  private readonly nodes = new Map<string, NodeView>();
  private readonly bySpot = new Map<Spot, NodeView>();
  private flights: Flight[] = [];
  private readonly pool: Phaser.GameObjects.Bob[] = [];
  private atlas!: PacketAtlas;
  private packets!: Phaser.GameObjects.Blitter;
  private readonly open = new Map<string, string>();
  private pipesDirty = false;
  private readonly paths = new Map<string, Path | undefined>();
  private readonly marks = new Map<Path, { x: number; y: number }>();
  private pipes!: Phaser.GameObjects.Graphics;
  /** Connections known to be WebSockets (their handshake was seen); any other held open is an event stream. */
  private readonly sockets = new Set<string>();
  private trails!: Phaser.GameObjects.Graphics;
  private failures!: Phaser.GameObjects.Graphics;
  /** The packets of the moments that failed (lost, refused…), by seq, to mark where on their way. */
  private failedPackets = new Map<number, PacketEvent>();
  private clock!: Phaser.GameObjects.Text;
  private skip!: Phaser.GameObjects.Text;
  private timeline!: Timeline;
  private callouts!: Callouts;
  private shownSecond = -1;
  /** When each lost packet is gone (its moment): the stage fades it out by then. */
  private lostAt = new Map<number, number>();
  private readonly fonts = new Set<number>([PACKET_FONT_PX]);
  private selection!: Phaser.GameObjects.Graphics;
  /** The message shown in the inspector, ringed while it is on its way. */
  selected: number | undefined;
  /** Told of the message under a click or a tap. */
  onPick: (seq: number) => void = () => {};
  readonly frameTimes: number[] = [];
  private limited = false;
  /** How many nodes your app's copies stand in. */
  private appNodes = 0;

  /**
   * `pixelRatio`: device pixels per stage pixel. The canvas is that much larger than the stage, the camera zooms
   * by it, and its text is drawn that much finer, so a phone's or a laptop's dense screen shows it sharp (the pills,
   * blitted, keep the stage's pixels).
   */
  constructor(
    private readonly model: StageModel,
    private readonly layout: StageLayout,
    private readonly pixelRatio = 1,
  ) {
    super('network');
  }

  /** True with no run to draw: nothing on the stage moves. */
  get resting(): boolean {
    return this.feed === undefined;
  }

  /** The font sizes of every text drawn (stage pixels). */
  get fontSizes(): ReadonlySet<number> {
    return this.fonts;
  }

  private text(x: number, y: number, content: string, style: Phaser.Types.GameObjects.Text.TextStyle & { fontSize: string }): Phaser.GameObjects.Text {
    this.fonts.add(parseFloat(style.fontSize));
    // As finely as the camera draws (its zoom is the screen's pixel ratio), as the timeline's and the call-outs' text.
    return this.add.text(x, y, content, { fontFamily: FONT, resolution: this.cameras.main.zoom, ...style });
  }

  create(): void {
    const { layout } = this;
    setStageWords(this.model.words);
    // Zoomed from its top-left corner with no scroll: stage pixel (x, y) is drawn at (x, y) times the ratio.
    this.cameras.main.setBackgroundColor(palette.background).setOrigin(0, 0).setZoom(this.pixelRatio);
    // The pills stay drawn at the stage's size: a blitter, which draws a thousand of them in a frame, has no scale.
    this.atlas = new PacketAtlas(this);
    const small = (x: number, y: number, content: string, px: number) => this.text(x, y, content, { fontSize: `${px}px`, color: palette.muted });
    drawPlaces(
      this,
      layout,
      placesOf(this.model.actors),
      (id) => (this.model.actors.some((a) => a.id === id) ? layout.place(this.model.actors.find((a) => a.id === id)!) : undefined),
      small,
    );
    this.pipes = this.add.graphics();
    this.drawLinks();
    for (const actor of this.model.actors) this.addNode(actor);
    this.appNodes = [...this.bySpot.values()].filter((n) => n.actor.kind === 'app').length;
    const badges = this.add.graphics();
    for (const node of this.bySpot.values()) {
      drawBadge(badges, iconOf(node.actor), node.x - node.w / 2, node.y - node.h / 2, badgeRadius(layout.narrow), palette.background, this.edgeOf(node.actor));
    }
    this.trails = this.add.graphics().setDepth(9);
    this.failures = this.add.graphics().setDepth(12);
    this.clock = this.text(layout.clock.x, layout.clock.y, formatClock(0), { fontSize: `${layout.font.clock}px`, color: palette.text, fontStyle: '600' });
    const skipStyle = { fontSize: `${layout.font.small}px`, color: palette.muted };
    // Where it covers no node and no caption: on a small stage after the clock (moved as the clock's text
    // grows), on the wide one at the right end of the timeline's legend.
    this.skip = layout.narrow
      ? this.text(layout.clock.x + this.clock.width + 10, layout.clock.y + 2, stageWords().skippingShort, skipStyle)
      : this.text(layout.timeline.right, layout.timeline.axisY - (this.model.acts ? 58 : 44), stageWords().skipping, skipStyle).setOrigin(1, 0);
    this.skip.setVisible(false);
    if (layout.legend) this.drawLegend();
    this.fonts.add(layout.font.timeline);
    this.timeline = new Timeline(this, layout, this.model.durationMs, this.model.clients, this.model.acts);
    this.callouts = new Callouts(this, layout, this.nodes);
    this.fonts.add(layout.font.small + 1);
    this.packets = this.add.blitter(0, 0, PACKET_ATLAS).setDepth(10);
    this.selection = this.add.graphics().setDepth(11);
    this.input.on(Phaser.Input.Events.POINTER_DOWN, (pointer: Phaser.Input.Pointer) => {
      const hit = this.flightAt(pointer.worldX, pointer.worldY);
      if (hit) this.onPick(hit.packet.seq);
    });
  }

  /** The packet drawn at a point (the last drawn, when they overlap), with a few pixels' grace for a finger. */
  private flightAt(x: number, y: number): Flight | undefined {
    const grace = 4;
    for (let i = this.flights.length - 1; i >= 0; i--) {
      const { bob, w, h, x: left, y: top } = this.flights[i];
      if (bob.visible && x >= left - grace && x <= left + w + grace && y >= top - grace && y <= top + h + grace) return this.flights[i];
    }
    return undefined;
  }

  setFeed(feed: StageFeed | undefined): void {
    this.feed = feed;
    this.lostAt = new Map((feed?.moments ?? []).filter((m) => m.kind === 'lost').map((m) => [m.seq, m.t]));
    const failed = new Set((feed?.moments ?? []).filter((m) => m.kind !== 'change' && m.kind !== 'learned').map((m) => m.seq));
    this.failedPackets = new Map((feed?.events ?? []).filter((e): e is PacketEvent => e.type === 'packet' && failed.has(e.seq)).map((p) => [p.seq, p]));
    this.rewind();
  }

  /** Back to the run's start: nothing sent, nothing known beyond the start. */
  private rewind(): void {
    this.read = 0;
    this.momentsRead = 0;
    this.lastNow = 0;
    for (const f of this.flights) this.release(f.bob);
    this.flights = [];
    this.open.clear();
    this.sockets.clear();
    this.pipesDirty = true;
    this.timeline?.reset();
    this.callouts?.clear();
    for (const node of this.bySpot.values()) node.shown = node.actor.status;
    this.shownSecond = -1;
  }

  update(_time: number, delta: number): void {
    if (this.frameTimes.length > 5000) this.frameTimes.splice(0, 1000);
    this.frameTimes.push(delta);
    this.keepUp();
    const feed = this.feed;
    if (!feed) {
      this.drawStatuses();
      if (this.pipesDirty) this.drawPipes();
      return;
    }
    const now = feed.now();
    const shown = feed.shown();
    if (now < this.lastNow || shown < this.read) this.rewind();
    // A packet that arrived since the last frame makes its receiver pulse; after a jump, nothing does.
    const since = shown - this.read > 200 ? now : this.lastNow;
    const events = feed.events;
    for (; this.read < shown; this.read++) {
      const e = events[this.read];
      if (e.type === 'packet') this.onPacket(e, now, since);
      else this.onMark(e);
    }
    const moments = feed.moments;
    for (; this.momentsRead < moments.length && moments[this.momentsRead].t <= now; this.momentsRead++) {
      const m = moments[this.momentsRead];
      if (m.kind !== 'change' && m.kind !== 'learned') this.timeline.failure(m);
    }
    this.drawStatuses();
    if (this.pipesDirty) this.drawPipes();
    const over = feed.finished();
    this.trails.clear();
    let kept = 0;
    for (const flight of this.flights) {
      if (!over && this.move(flight, now, since)) this.flights[kept++] = flight;
      else this.release(flight.bob);
    }
    this.flights.length = kept;
    this.ringSelected();
    this.callouts.update(moments, over ? -Infinity : feed.position());
    this.markFailures(moments, over ? -Infinity : feed.position());
    const second = Math.floor(now / 1000);
    if (second !== this.shownSecond) {
      this.shownSecond = second;
      this.clock.setText(formatClock(now));
      if (this.layout.narrow) this.skip.setX(this.clock.x + this.clock.width + 10);
    }
    this.skip.setVisible(feed.skipping());
    this.timeline.update(now);
    this.lastNow = now;
  }

  /**
   * A machine that cannot draw the stage at 60 frames a second (a budget phone, software rendering
   * under load) draws it at 30: every other frame is then left to the page (the log, the controls),
   * and the motion stays even instead of stuttering. Decided once, from the median of a second of frames.
   */
  private keepUp(): void {
    const n = this.frameTimes.length;
    if (this.limited || this.feed === undefined || n % 60 !== 0) return;
    const recent = this.frameTimes.slice(-60).sort((a, b) => a - b);
    if (recent[30] > SLOW_FRAME_MS) {
      this.limited = true;
      this.game.loop.setFPSLimit(30);
    }
  }

  private addNode(actor: StageActor): void {
    const spot = this.layout.place(actor);
    const drawn = this.bySpot.get(spot);
    if (drawn) {
      this.nodes.set(actor.id, drawn);
      return;
    }
    const { x, y, w, h, members } = spot;
    const { font } = this.layout;
    // A node short of room (one of several in a column) or standing for many has no host line.
    const hostLine = this.layout.hostLine && !members && !spot.bare;
    const edge = this.edgeOf(actor);
    const top = y - h / 2;
    this.add.rectangle(x, y, w, h, palette.panel).setStrokeStyle(2, edge);
    const flash = this.add.rectangle(x, y, w, h, edge, 0).setStrokeStyle(0);
    // A node with room for one status line only (many in a column of a small stage): the name higher.
    const oneLine = h < 60;
    const label = members ? `+${members.length} more` : actor.label;
    const name = this.text(x, oneLine ? top + font.name - 2 : top + font.name + 4, label, {
      fontSize: `${font.name}px`,
      color: palette.text,
      fontStyle: '700',
    }).setOrigin(0.5);
    // A long name is set smaller (down to the stage's small text) before it is shortened.
    for (let px = font.name - 1; name.width > w - 8 && px >= font.small + 1; px--) {
      name.setFontSize(px);
      this.fonts.add(px);
    }
    this.fit(name, w - 8);
    if (hostLine) {
      const host = this.text(x, top + font.name + font.host + 14, actor.host, { fontSize: `${font.host}px`, color: palette.muted }).setOrigin(0.5);
      this.fit(host, w - 8);
    }
    const statusY = hostLine ? top + h * 0.7 : oneLine ? top + h - font.status + 1 : top + font.name + 12 + (h - font.name - 12) / 2;
    const status = this.text(x, statusY, this.statusLine(actor, actor.status), {
      fontSize: `${font.status}px`,
      color: palette.text,
      align: 'center',
      wordWrap: { width: w - 12 },
      maxLines: oneLine ? 1 : this.layout.narrow ? 2 : 0,
    }).setOrigin(0.5);
    const view = { actor, x, y, w, h, status, shown: actor.status, drawn: '', flash };
    this.nodes.set(actor.id, view);
    this.bySpot.set(spot, view);
  }

  /** Your app's nodes in one colour, the servers in another. */
  private edgeOf(actor: StageActor): number {
    return actor.kind === 'app' ? toNumber(palette.request) : toNumber(palette.webhook);
  }

  /** Shorten a line that is wider than the node, keeping its start: "iris-laptop.h…". */
  private fit(text: Phaser.GameObjects.Text, width: number): void {
    const full = text.text;
    for (let keep = full.length - 1; text.width > width && keep > 3; keep--) text.setText(`${full.slice(0, keep)}…`);
  }

  /** Write each node's status line if it changed: once a frame however many changes were read. */
  private drawStatuses(): void {
    for (const node of this.bySpot.values()) {
      if (node.drawn === node.shown) continue;
      node.drawn = node.shown;
      node.status.setText(this.statusLine(node.actor, node.shown));
    }
  }

  /** The caption and the status; a long one (an answer being written) keeps its last words. */
  private statusLine(actor: StageActor, status: string): string {
    const caption = this.model.statusCaption[actor.id];
    const room = this.layout.narrow ? 30 : 44;
    const cut = status.slice(-(room - 1));
    const tail = status.length > room ? `…${cut.slice(cut.indexOf(' ') + 1)}` : status;
    return caption ? `${caption}: ${tail}` : tail;
  }

  private drawLinks(): void {
    const g = this.add.graphics();
    // One actor per node (a "+N more" node once).
    const actors = [...new Map(this.model.actors.map((a) => [this.layout.place(a), a])).values()];
    for (let i = 0; i < actors.length; i++) {
      for (let j = i + 1; j < actors.length; j++) {
        // Two copies of your app never talk to each other: no link between them.
        if (actors[i].kind === 'app' && actors[j].kind === 'app') continue;
        const a = this.layout.place(actors[i]);
        const b = this.layout.place(actors[j]);
        g.lineStyle(1, toNumber(palette.muted), 0.35).lineBetween(a.x, a.y, b.x, b.y);
      }
    }
  }

  private drawLegend(): void {
    const words = stageWords().legend;
    const items: Array<[string, string]> = [
      [palette.request, words.request],
      [palette.response, words.answer],
      [palette.unchanged, words.unchanged],
      [palette.webhook, words.webhook],
      [palette.frame, 'WebSocket'],
      [palette.chunk, words.stream],
      [palette.failed, words.failed],
    ];
    let x = this.layout.width - 16;
    for (const [color, text] of [...items].reverse()) {
      const frame = this.atlas.frame(color, text);
      this.add.image(x, 26, PACKET_ATLAS, frame).setOrigin(1, 0.5);
      x -= this.atlas.size(frame).width + 6;
    }
  }

  /** Start and end points of a link, off the node boxes, moved sideways so the two directions use two lanes. */
  private path(p: PacketEvent): Path | undefined {
    const key = `${p.from}>${p.to}`;
    if (!this.paths.has(key)) this.paths.set(key, this.computePath(p));
    return this.paths.get(key);
  }

  private computePath(p: PacketEvent): Path | undefined {
    const a = this.nodes.get(p.from);
    const b = this.nodes.get(p.to);
    return a && b ? linkPath(a, b) : undefined;
  }

  private onPacket(p: PacketEvent, now: number, since: number): void {
    this.timeline.packet(p);
    if (p.kind === 'handshake' && p.connection) this.sockets.add(p.connection);
    if (now < this.goneAt(p)) this.launch(p, now);
    else if (p.outcome !== 'lost' && p.arriveAt > since) this.pulse(p.to);
  }

  /** When a packet leaves the stage: on arrival, or, lost, part of its way. */
  private goneAt(p: PacketEvent): number {
    return (p.outcome === 'lost' && this.lostAt.get(p.seq)) || p.arriveAt;
  }

  private launch(p: PacketEvent, now: number): void {
    // A retry or a reconnect says so: the same message sent again, a connection opened again.
    const again = (p.attempt ?? 1) > 1 || p.reconnect ? '↻ ' : '';
    // On a small stage with the nodes side by side, a long label would span the gap between them; on a
    // phone with a row of clients, the labels of their ways would cover each other where the ways meet.
    const short = this.flights.length > CROWDED || (this.layout.narrow && (!this.layout.stacked || this.appNodes > 1));
    const text = again + (short ? packetShortText(p) : packetText(p));
    const colour = packetColor(p);
    // The clients of a "+N more" node send alike at once: one pill that says how many, not a pile of them.
    const lead = this.alongside(p, text, colour, now);
    if (lead) {
      lead.count++;
      this.relabel(lead);
      return;
    }
    const frame = this.atlas.frame(colour, text);
    const { width, height } = this.atlas.size(frame);
    const bob = this.pool.pop()?.reset(-100, -100, frame) ?? this.packets.create(-100, -100, frame);
    bob.setAlpha(1).setVisible(true);
    const span = Math.max(1, p.arriveAt - p.t);
    this.flights.push({
      packet: p,
      bob,
      path: this.pillPath(this.path(p), width / 2, height / 2),
      goneAt: (this.goneAt(p) - p.t) / span,
      w: width,
      h: height,
      x: -100,
      y: -100,
      text,
      colour,
      count: 1,
    });
  }

  /** A pill with the same words on the same way between the same two nodes, near enough to where a new one would be drawn to overlap it. */
  private alongside(p: PacketEvent, text: string, colour: string, now: number): Flight | undefined {
    const from = this.nodes.get(p.from);
    const to = this.nodes.get(p.to);
    const path = this.path(p);
    if (!path) return undefined;
    const len = Math.hypot(path.bx - path.ax, path.by - path.ay);
    const along = (packet: PacketEvent) => Math.max(0, (now - packet.t) / Math.max(1, packet.arriveAt - packet.t)) * len;
    for (let i = this.flights.length - 1; i >= 0; i--) {
      const f = this.flights[i];
      if (f.text !== text || f.colour !== colour || this.nodes.get(f.packet.from) !== from || this.nodes.get(f.packet.to) !== to) continue;
      if (Math.abs(along(f.packet) - along(p)) < f.w + 6) return f;
    }
    return undefined;
  }

  private relabel(flight: Flight): void {
    const text = `${flight.text} ×${flight.count}`;
    const frame = this.atlas.frame(flight.colour, text);
    // A full atlas has no room for another count: the pill keeps the words it has rather than take another's.
    if (!this.atlas.has(flight.colour, text)) return;
    const { width, height } = this.atlas.size(frame);
    flight.bob.setFrame(frame);
    flight.w = width;
    flight.h = height;
    flight.path = this.pillPath(this.path(flight.packet), width / 2, height / 2);
  }

  /** The link's ends moved in by the pill's own half-size along it, so that it keeps off the node boxes. */
  private pillPath(path: Path | undefined, halfW: number, halfH: number): Path | undefined {
    if (!path) return undefined;
    const len = Math.hypot(path.bx - path.ax, path.by - path.ay) || 1;
    const ux = (path.bx - path.ax) / len;
    const uy = (path.by - path.ay) / len;
    const margin = Math.min(len / 2, Math.abs(ux) * halfW + Math.abs(uy) * halfH);
    return { ax: path.ax + ux * margin - halfW, ay: path.ay + uy * margin - halfH, bx: path.bx - ux * margin - halfW, by: path.by - uy * margin - halfH };
  }

  /** Place a packet; false once it has arrived (or, when lost, faded out on its way). */
  private move(flight: Flight, now: number, since: number): boolean {
    const { packet: p, path, goneAt } = flight;
    const f = (now - p.t) / Math.max(1, p.arriveAt - p.t);
    const lost = p.outcome === 'lost';
    if (!path || f >= goneAt) {
      if (path && !lost && p.arriveAt > since) this.pulse(p.to);
      return false;
    }
    const { ax, ay, bx, by } = path;
    let k = Math.max(0, f);
    let alpha = 1;
    if (this.model.reducedMotion) {
      // Not slid: at its sender, then (lost: half-way, faint) at its receiver.
      k = f < goneAt / 2 ? 0 : lost ? goneAt / 2 : 1;
      if (lost && f >= goneAt / 2) alpha = 0.4;
    } else if (lost && k > goneAt / 2) alpha = Math.max(0, 1 - (k - goneAt / 2) / (goneAt / 2));
    flight.x = ax + (bx - ax) * k;
    flight.y = ay + (by - ay) * k;
    flight.bob.setPosition(flight.x, flight.y).setAlpha(alpha);
    if (!this.model.reducedMotion && this.flights.length <= CROWDED) this.trail(flight, k, alpha);
    return true;
  }

  /** A short fading streak behind a moving packet: where it came from, so who spoke first is seen. */
  private trail(flight: Flight, k: number, alpha: number): void {
    const { path, w, h, packet } = flight;
    if (!path || k <= 0) return;
    const colour = toNumber(packetColor(packet));
    const at = (q: number) => [path.ax + (path.bx - path.ax) * q + w / 2, path.ay + (path.by - path.ay) * q + h / 2] as const;
    const step = 0.05;
    for (let i = 3; i >= 1; i--) {
      const [x1, y1] = at(Math.max(0, k - step * i));
      const [x2, y2] = at(Math.max(0, k - step * (i - 1)));
      this.trails.lineStyle(4, colour, (0.45 * alpha * (4 - i)) / 3).lineBetween(x1, y1, x2, y2);
    }
  }

  /**
   * Where a message failed, for as long as its call-out shows: a red cross where a lost one vanished,
   * a red bar where a refused or failed one was stopped, at its receiver's end.
   */
  private markFailures(moments: readonly PacedMoment[], position: number): void {
    this.failures.clear();
    const red = toNumber(palette.failed);
    // Several refused at once on ways that meet at one receiver: one ring where their rings would overlap.
    const rings: Array<{ x: number; y: number }> = [];
    for (let i = countAtMost(moments, position, (m) => m.at) - 1; i >= 0 && moments[i].at > position - CALLOUT_MS; i--) {
      const p = this.failedPackets.get(moments[i].seq);
      const path = p && this.path(p);
      if (!p || !path) continue;
      this.failures.lineStyle(3, red, 1);
      if (moments[i].kind === 'lost') {
        const k = (moments[i].t - p.t) / Math.max(1, p.arriveAt - p.t);
        const x = path.ax + (path.bx - path.ax) * k;
        const y = path.ay + (path.by - path.ay) * k;
        this.failures.lineBetween(x - 7, y - 7, x + 7, y + 7).lineBetween(x - 7, y + 7, x + 7, y - 7);
      } else {
        // Stopped at its receiver: the ring stands just short of it, clear of every node and its icon.
        const { x, y } = this.markAt(path);
        if (rings.some((r) => Math.hypot(r.x - x, r.y - y) < FAILED_RING * 2)) continue;
        rings.push({ x, y });
        const len = Math.hypot(path.bx - path.ax, path.by - path.ay) || 1;
        const nx = -(path.by - path.ay) / len;
        const ny = (path.bx - path.ax) / len;
        this.failures.lineBetween(x - nx * FAILED_RING, y - ny * FAILED_RING, x + nx * FAILED_RING, y + ny * FAILED_RING);
        this.failures.strokeCircle(x, y, FAILED_RING);
      }
    }
  }

  /** Where a refused message's ring stands on its way (worked out once a way). */
  private markAt(path: Path): { x: number; y: number } {
    let at = this.marks.get(path);
    if (!at) {
      at = markAtReceiver(path, this.bySpot.keys(), FAILED_RING, badgeRadius(this.layout.narrow), RING_GAP);
      this.marks.set(path, at);
    }
    return at;
  }

  private ringSelected(): void {
    this.selection.clear();
    const flight = this.selected === undefined ? undefined : this.flights.find((f) => f.packet.seq === this.selected);
    if (!flight) return;
    this.selection.lineStyle(2, 0xffffff, 1).strokeRoundedRect(flight.x - 3, flight.y - 3, flight.w + 6, flight.h + 6, 12);
  }

  private pulse(actorId: string): void {
    if (this.model.reducedMotion) return;
    const node = this.nodes.get(actorId);
    if (!node) return;
    node.flash.setFillStyle(node.flash.fillColor, 0.18);
    this.tweens.add({ targets: node.flash, fillAlpha: 0, duration: 300 });
  }

  private release(bob: Phaser.GameObjects.Bob): void {
    bob.setVisible(false);
    this.pool.push(bob);
  }

  private onMark(m: MarkEvent): void {
    this.timeline.mark(m);
    const node = this.nodes.get(m.actor);
    // An app's line says what it knows; what it needs from the start is not that.
    // What an app recorded but did not show (an older status after a newer one) leaves its line as it is.
    if (node && ((m.kind === 'known' && m.displayed !== false) || (m.kind === 'world' && node.actor.kind === 'server'))) {
      node.shown = this.model.statusAppends && node.shown !== node.actor.status ? `${node.shown} ${m.label}` : m.label;
    }
    if (m.kind === 'open' && m.connection) this.open.set(m.connection, m.actor);
    if (m.kind === 'close' && m.connection) this.open.delete(m.connection);
    if (m.kind === 'open' || m.kind === 'close') this.pipesDirty = true;
  }

  private drawPipes(): void {
    this.pipesDirty = false;
    this.pipes.clear();
    const actors = this.model.actors;
    if (this.open.size === 0 || actors.length < 2) return;
    // By node: the clients a "+N more" node stands for share its pipe.
    const held = new Map<NodeView, PipeKind>();
    for (const [connection, owner] of this.open) {
      const kind: PipeKind = this.sockets.has(connection) ? 'socket' : 'stream';
      const node = this.nodes.get(owner);
      if (node && held.get(node) !== 'socket') held.set(node, kind);
    }
    for (const [a, kind] of held) {
      for (const other of this.bySpot.values()) {
        if (other === a || other.actor.kind !== 'server') continue;
        drawPipe(this.pipes, a, other, kind);
      }
    }
  }
}
