import * as Phaser from 'phaser';
import { formatClock } from '../sim/format.ts';
import type { MarkEvent, PacketEvent } from '../sim/trace.ts';
import type { StageActor, StageFeed, StageModel } from './model.ts';
import { PACKET_ATLAS, PacketAtlas } from './packet-textures.ts';
import { packetColor, packetShortText, packetText, palette, toNumber } from './palette.ts';
import { Timeline } from './timeline.ts';

export const STAGE_WIDTH = 960;
export const STAGE_HEIGHT = 540;
const NETWORK_HEIGHT = 400;
/** Node size: smaller where a level has more than three actors. */
const NODE = { roomy: { w: 220, h: 112 }, compact: { w: 200, h: 96 } };
const LANE = 13;
/** Past this many packets in flight, new ones carry their short label (method or status) only. */
const CROWDED = 150;
const FONT = 'system-ui, -apple-system, "Segoe UI", sans-serif';

interface NodeView {
  actor: StageActor;
  x: number;
  y: number;
  status: Phaser.GameObjects.Text;
  /** What the status line says now, before its caption. */
  shown: string;
  flash: Phaser.GameObjects.Rectangle;
}

interface Path {
  ax: number;
  ay: number;
  bx: number;
  by: number;
}

interface Flight {
  packet: PacketEvent;
  bob: Phaser.GameObjects.Bob;
  /** Half the pill's size: bobs are placed by their top-left corner. */
  halfW: number;
  halfH: number;
  path: Path | undefined;
}

/**
 * The network at work: actors as nodes, links between them, every message of the trace as a
 * labelled packet moving along its link at the virtual clock's pace, open WebSocket connections as
 * a lit pipe, and the timeline of the whole run underneath. It only reads the feed.
 */
export class NetworkScene extends Phaser.Scene {
  private feed: StageFeed | undefined;
  private read = 0;
  private readonly nodes = new Map<string, NodeView>();
  private flights: Flight[] = [];
  private readonly pool: Phaser.GameObjects.Bob[] = [];
  private atlas!: PacketAtlas;
  private packets!: Phaser.GameObjects.Blitter;
  private readonly open = new Map<string, string>();
  private readonly paths = new Map<string, Path | undefined>();
  private pipes!: Phaser.GameObjects.Graphics;
  private clock!: Phaser.GameObjects.Text;
  private skip!: Phaser.GameObjects.Text;
  private timeline!: Timeline;
  private shownSecond = -1;
  private readonly node: { w: number; h: number };
  readonly frameTimes: number[] = [];

  constructor(private readonly model: StageModel) {
    super('network');
    this.node = model.actors.length > 3 ? NODE.compact : NODE.roomy;
  }

  create(): void {
    this.cameras.main.setBackgroundColor(palette.background);
    this.atlas = new PacketAtlas(this);
    this.pipes = this.add.graphics();
    this.drawLinks();
    for (const actor of this.model.actors) this.addNode(actor);
    this.clock = this.add.text(20, 14, formatClock(0), { fontFamily: FONT, fontSize: '20px', color: palette.text, fontStyle: '600' });
    this.skip = this.add.text(20, 40, '» skipping quiet time', { fontFamily: FONT, fontSize: '12px', color: palette.muted }).setVisible(false);
    this.drawLegend();
    this.timeline = new Timeline(this, 40, STAGE_WIDTH - 40, 478, this.model.durationMs, this.model.clients, this.model.acts);
    this.packets = this.add.blitter(0, 0, PACKET_ATLAS).setDepth(10);
  }

  setFeed(feed: StageFeed | undefined): void {
    this.feed = feed;
    this.read = 0;
    for (const f of this.flights) this.release(f.bob);
    this.flights = [];
    this.open.clear();
    this.timeline?.reset();
    for (const node of this.nodes.values()) this.show(node, node.actor.status);
    this.pipes?.clear();
    this.clock?.setText(formatClock(0));
  }

  update(_time: number, delta: number): void {
    if (this.frameTimes.length > 5000) this.frameTimes.splice(0, 1000);
    this.frameTimes.push(delta);
    const feed = this.feed;
    if (!feed) return;
    const now = feed.now();
    const events = feed.events;
    for (; this.read < events.length; this.read++) {
      const e = events[this.read];
      if (e.type === 'packet') this.launch(e);
      else this.onMark(e);
    }
    let kept = 0;
    const over = feed.finished();
    for (const flight of this.flights) {
      if (!over && this.move(flight, now)) this.flights[kept++] = flight;
      else if (over) this.release(flight.bob);
    }
    this.flights.length = kept;
    const second = Math.floor(now / 1000);
    if (second !== this.shownSecond) {
      this.shownSecond = second;
      this.clock.setText(formatClock(now));
    }
    this.skip.setVisible(feed.skipping());
    this.timeline.update(now);
  }

  private addNode(actor: StageActor): void {
    const { x, y } = this.place(actor);
    const edge = actor.kind === 'app' ? toNumber(palette.request) : toNumber(palette.webhook);
    const { w, h } = this.node;
    const top = y - h / 2;
    this.add.rectangle(x, y, w, h, palette.panel).setStrokeStyle(2, edge);
    const flash = this.add.rectangle(x, y, w, h, edge, 0).setStrokeStyle(0);
    this.add.text(x, top + 22, actor.label, { fontFamily: FONT, fontSize: h < 112 ? '16px' : '18px', color: palette.text, fontStyle: '700' }).setOrigin(0.5);
    this.add.text(x, top + 44, actor.host, { fontFamily: FONT, fontSize: '12px', color: palette.muted }).setOrigin(0.5);
    const status = this.add
      .text(x, top + h * 0.7, this.statusLine(actor, actor.status), {
        fontFamily: FONT,
        fontSize: '13px',
        color: palette.text,
        align: 'center',
        wordWrap: { width: w - 20 },
      })
      .setOrigin(0.5);
    this.nodes.set(actor.id, { actor, x, y, status, shown: actor.status, flash });
  }

  private show(node: NodeView, text: string): void {
    node.shown = text;
    node.status.setText(this.statusLine(node.actor, text));
  }

  /** The caption and the status; a long one (an answer being written) keeps its last words. */
  private statusLine(actor: StageActor, status: string): string {
    const caption = this.model.statusCaption[actor.id];
    const cut = status.slice(-43);
    const tail = status.length > 44 ? `…${cut.slice(cut.indexOf(' ') + 1)}` : status;
    return caption ? `${caption}: ${tail}` : tail;
  }

  private place(actor: StageActor): { x: number; y: number } {
    return { x: actor.x * STAGE_WIDTH, y: 70 + actor.y * (NETWORK_HEIGHT - 70) };
  }

  private drawLinks(): void {
    const g = this.add.graphics();
    const actors = this.model.actors;
    for (let i = 0; i < actors.length; i++) {
      for (let j = i + 1; j < actors.length; j++) {
        // Two copies of your app never talk to each other: no link between them.
        if (actors[i].kind === 'app' && actors[j].kind === 'app') continue;
        const a = this.place(actors[i]);
        const b = this.place(actors[j]);
        g.lineStyle(1, toNumber(palette.muted), 0.35).lineBetween(a.x, a.y, b.x, b.y);
      }
    }
  }

  private drawLegend(): void {
    const items: Array<[string, string]> = [
      [palette.request, 'request'],
      [palette.response, 'answer'],
      [palette.unchanged, 'nothing new'],
      [palette.webhook, 'webhook'],
      [palette.frame, 'WebSocket'],
      [palette.chunk, 'stream'],
      [palette.failed, 'failed'],
    ];
    let x = STAGE_WIDTH - 16;
    for (const [color, text] of [...items].reverse()) {
      const frame = this.atlas.frame(color, text);
      this.add.image(x, 26, PACKET_ATLAS, frame).setOrigin(1, 0.5);
      x -= this.atlas.size(frame).width + 6;
    }
  }

  /** Start and end points on the node edges, moved sideways so the two directions use two lanes. */
  private path(p: PacketEvent): Path | undefined {
    const key = `${p.from}>${p.to}`;
    if (!this.paths.has(key)) this.paths.set(key, this.computePath(p));
    return this.paths.get(key);
  }

  private computePath(p: PacketEvent): Path | undefined {
    const a = this.nodes.get(p.from);
    const b = this.nodes.get(p.to);
    if (!a || !b) return undefined;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy) || 1;
    const ux = dx / len;
    const uy = dy / len;
    const inset = Math.min(this.node.w / 2 + 8, len / 3);
    // Each direction keeps to its own side of the link: to the left of travel.
    const ox = uy * LANE;
    const oy = -ux * LANE;
    return { ax: a.x + ux * inset + ox, ay: a.y + uy * inset + oy, bx: b.x - ux * inset + ox, by: b.y - uy * inset + oy };
  }

  private launch(p: PacketEvent): void {
    this.timeline.packet(p);
    const text = this.flights.length > CROWDED ? packetShortText(p) : packetText(p);
    const frame = this.atlas.frame(packetColor(p), text);
    const { width, height } = this.atlas.size(frame);
    const bob = this.pool.pop()?.reset(-100, -100, frame) ?? this.packets.create(-100, -100, frame);
    bob.setAlpha(1).setVisible(true);
    this.flights.push({ packet: p, bob, halfW: width / 2, halfH: height / 2, path: this.path(p) });
  }

  /** Place a packet; false once it has arrived (or, when lost, faded out halfway). */
  private move(flight: Flight, now: number): boolean {
    const { packet: p, path } = flight;
    const span = Math.max(1, p.arriveAt - p.t);
    const f = (now - p.t) / span;
    const failedMidway = p.outcome === 'lost';
    if (!path || f >= (failedMidway ? 0.7 : 1)) {
      if (path && !failedMidway) this.pulse(p.to);
      this.release(flight.bob);
      return false;
    }
    const k = Math.max(0, f);
    flight.bob.setPosition(path.ax + (path.bx - path.ax) * k - flight.halfW, path.ay + (path.by - path.ay) * k - flight.halfH);
    if (failedMidway && k > 0.45) flight.bob.setAlpha(Math.max(0, 1 - (k - 0.45) / 0.25));
    return true;
  }

  private pulse(actorId: string): void {
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
    if (node && (m.kind === 'known' || (m.kind === 'world' && node.actor.kind === 'server'))) {
      const appended = this.model.statusAppends && node.shown !== node.actor.status ? `${node.shown} ${m.label}` : m.label;
      this.show(node, appended);
    }
    if (m.kind === 'open' && m.connection) this.open.set(m.connection, m.actor);
    if (m.kind === 'close' && m.connection) this.open.delete(m.connection);
    if (m.kind === 'open' || m.kind === 'close') this.drawPipes();
  }

  private drawPipes(): void {
    this.pipes.clear();
    const actors = this.model.actors;
    if (this.open.size === 0 || actors.length < 2) return;
    for (const owner of new Set(this.open.values())) {
      const a = this.nodes.get(owner);
      for (const other of this.nodes.values()) {
        if (!a || other === a || other.actor.kind !== 'server') continue;
        this.pipes.lineStyle(26, toNumber(palette.frame), 0.16).lineBetween(a.x, a.y, other.x, other.y);
        this.pipes
          .lineStyle(2, toNumber(palette.frame), 0.7)
          .lineBetween(a.x, a.y - 14, other.x, other.y - 14)
          .lineBetween(a.x, a.y + 14, other.x, other.y + 14);
      }
    }
  }
}
