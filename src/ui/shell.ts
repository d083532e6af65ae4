import { nextLevel } from '../content/catalog.ts';
import type { GameActor } from '../flow/game-machine.ts';
import type { LevelActor } from '../flow/level-machine.ts';
import { en } from '../content/text/en.ts';
import { fill, h } from './dom.ts';
import { LevelScreen } from './level-screen.ts';
import type { UiPorts } from './ports.ts';
import { guideScreen } from './guide-screen.ts';
import { titleScreen } from './title-screen.ts';

/** The page around the game: a top bar, then the title screen or the current level. */
export class Shell {
  private readonly body: HTMLElement;
  private level: { actor: LevelActor; screen: LevelScreen } | undefined;
  private shown = '';

  constructor(
    root: HTMLElement,
    private readonly game: GameActor,
    private readonly ports: UiPorts,
  ) {
    root.classList.add('push-or-poll');
    root.classList.toggle('embed', ports.embed);
    const bar = h(
      'header',
      { class: 'topbar' },
      h('span', { class: 'brand' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, '⇄'), en.gameTitle),
      h(
        'nav',
        { class: 'topnav', 'aria-label': 'Game' },
        h('button', { class: 'quiet', onclick: () => game.send({ type: 'GUIDE' }) }, 'Field guide'),
        h('button', { class: 'quiet', onclick: () => game.send({ type: 'TITLE' }) }, 'Levels'),
      ),
    );
    this.body = h('div', { class: 'body' });
    fill(root, bar, this.body);
    game.subscribe(() => this.render());
    this.render();
  }

  private render(): void {
    const snapshot = this.game.getSnapshot();
    const child = snapshot.children.level as LevelActor | undefined;
    if (snapshot.matches('level') && child) {
      if (this.level?.actor === child) return;
      this.level?.screen.destroy();
      const hasNext = nextLevel(snapshot.context.catalog, snapshot.context.levelId!) !== undefined;
      const screen = new LevelScreen(child, this.ports, hasNext);
      this.level = { actor: child, screen };
      this.shown = `level:${child.id}`;
      fill(this.body, screen.el);
      screen.el.querySelector<HTMLElement>('#panel-heading')?.focus();
      return;
    }
    const key = `${snapshot.matches('guide') ? 'guide' : 'title'}:${snapshot.context.notice ?? ''}`;
    if (this.shown === key) return;
    this.shown = key;
    this.level?.screen.destroy();
    this.level = undefined;
    this.renderPage(snapshot.matches('guide'));
  }

  /** The title screen or the field guide, drawn anew (after progress changes too). */
  private renderPage(guide: boolean): void {
    const { catalog, notice } = this.game.getSnapshot().context;
    const open = (id: string) => this.game.send({ type: 'OPEN', id });
    const page = guide
      ? guideScreen(catalog, this.ports.progress, open)
      : titleScreen({ catalog, progress: this.ports.progress, notice, embed: this.ports.embed, open, refresh: () => this.renderPage(false) });
    fill(this.body, page);
    page.querySelector<HTMLElement>('h1')?.focus();
  }
}
