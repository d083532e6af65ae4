import { findLevel, nextLevel } from '../content/catalog.ts';
import { levelTitle, say } from '../content/present.ts';
import type { GameActor, PageScreen } from '../flow/game-machine.ts';
import type { LevelActor } from '../flow/level-machine.ts';
import { language, languageName, languages, words } from '../content/text/index.ts';
import { fill, h } from './dom.ts';
import type { LevelScreen } from './level-screen.ts';
import type { UiPorts } from './ports.ts';
import { guideScreen } from './guide-screen.ts';
import { titleScreen } from './title-screen.ts';

/** The page around the game: a top bar, then the title screen or the current level. */
export class Shell {
  private readonly body: HTMLElement;
  private readonly embedButton: HTMLButtonElement;
  private level: { actor: LevelActor; screen: LevelScreen } | undefined;
  /**
   * The level screen's code (the run's controls, the log, the debrief…) is not needed for the first screen: it
   * is fetched when a level opens, beside the level's own file, or once the first screen is drawn.
   */
  private levelScreen: typeof import('./level-screen.ts') | undefined;
  private levelScreenLoading: Promise<typeof import('./level-screen.ts')> | undefined;
  private shown = '';
  /** The page's own title (the game's, or a course package's), after which a screen's is written. */
  private readonly baseTitle = document.title || words().gameTitle;
  /** False until the first screen is drawn: an embedded game takes no focus before the learner acts. */
  private started = false;

  constructor(
    root: HTMLElement,
    private readonly game: GameActor,
    private readonly ports: UiPorts,
  ) {
    root.classList.add('push-or-poll');
    root.classList.toggle('embed', ports.embed);
    root.lang = language();
    const choose = ports.chooseLanguage;
    // The switch to each other language, named in that language (a Spanish speaker finds "Español").
    const switches = choose
      ? languages
          .filter((lang) => lang !== language())
          .map((lang) => h('button', { class: 'quiet language', lang, onclick: () => choose(lang) }, languageName(lang)))
      : [];
    this.embedButton = h(
      'button',
      { class: 'quiet embed-button', hidden: true, onclick: () => void this.openEmbedPanel() },
      words().ui.embed,
      h('span', { class: 'wide-only' }, words().ui.embedThisLevel),
    );
    // Embedded, the bar is the game's own navigation, not a site header (no banner landmark).
    const bar = h(
      ports.embed ? 'div' : 'header',
      { class: 'topbar' },
      h(
        'button',
        { class: 'brand', title: words().ui.titleScreen, onclick: () => game.send({ type: 'TITLE' }) },
        h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, '⇄'),
        h('span', { class: 'brand-name' }, words().gameTitle),
      ),
      h(
        'nav',
        { class: 'topnav', 'aria-label': words().ui.gameNav },
        this.embedButton,
        h('button', { class: 'quiet', onclick: () => game.send({ type: 'GUIDE' }) }, words().guide.title),
        h('button', { class: 'quiet', onclick: () => game.send({ type: 'PLAYGROUND' }) }, words().playground.title),
        h('button', { class: 'quiet', onclick: () => game.send({ type: 'LEVELS' }) }, words().ui.levels),
        ...switches,
      ),
    );
    this.body = h('div', { class: 'body' });
    fill(root, bar, this.body);
    game.subscribe(() => this.render());
    this.render();
    // A level whose file is still on its way is not the first screen yet: the one drawn when it comes takes no focus either.
    this.started = !game.getSnapshot().matches('opening');
  }

  /**
   * Focus a new screen's heading. Embedded, focus never scrolls the course page around the frame
   * (the frame's own view goes back to its top instead), and the first screen takes no focus at all.
   */
  /**
   * Focus a screen's heading. A new screen starts at its top (`fresh`): the page kept the last one's scroll, so the
   * stage opened from far down the playground's results landed part-way down with the top bar out of sight; the
   * heading then comes into view only if it is not already.
   */
  private focus(target: HTMLElement | null, fresh = true): void {
    if (!this.ports.embed) {
      if (fresh) document.scrollingElement?.scrollTo(0, 0);
      return target?.focus();
    }
    if (this.started) target?.focus({ preventScroll: true });
    document.scrollingElement?.scrollTo(0, 0);
  }

  /** The page's title says where the player is (WCAG 2.4.2): the screen or the level, then the game. */
  private title(what: string | undefined): void {
    const title = what ? `${what} · ${this.baseTitle}` : this.baseTitle;
    if (document.title !== title) document.title = title;
  }

  private render(): void {
    const snapshot = this.game.getSnapshot();
    const opened = snapshot.context.levelId ? findLevel(snapshot.context.catalog, snapshot.context.levelId) : undefined;
    this.title(
      snapshot.matches('level') || snapshot.matches('opening')
        ? snapshot.context.fromWorld
          ? words().playground.title
          : opened && levelTitle(opened)
        : snapshot.matches('guide')
          ? words().guide.title
          : snapshot.matches('playground')
            ? words().playground.title
            : snapshot.matches('levels')
              ? words().ui.levels
              : undefined,
    );
    const child = snapshot.children.level as LevelActor | undefined;
    // A playground's world is in no level file: there is nothing to embed.
    this.embedButton.hidden = !(this.ports.embedding && snapshot.matches('level') && !snapshot.context.fromWorld);
    if (snapshot.matches('level') && child) {
      if (this.level?.actor === child) return;
      const code = this.levelScreen;
      if (!code) {
        void this.loadLevelScreen().then(() => this.render());
        return;
      }
      this.level?.screen.destroy();
      const hasNext = nextLevel(snapshot.context.catalog, snapshot.context.levelId!) !== undefined;
      // The playground's world played as a level goes back to the playground.
      const screen = new code.LevelScreen(child, this.ports, hasNext, snapshot.context.fromWorld ? words().playground.backToPlayground : undefined);
      this.level = { actor: child, screen };
      this.shown = `level:${child.id}`;
      fill(this.body, screen.el);
      this.focus(screen.el.querySelector<HTMLElement>('#panel-heading'));
      this.started = true;
      return;
    }
    if (snapshot.matches('opening')) {
      void this.loadLevelScreen();
      // The level's file is on its way (a moment, usually): say which level is opening rather than show the last page.
      const key = `opening:${snapshot.context.levelId}`;
      if (this.shown === key) return;
      this.shown = key;
      this.level?.screen.destroy();
      this.level = undefined;
      const entry = findLevel(snapshot.context.catalog, snapshot.context.levelId!);
      fill(
        this.body,
        h('p', { class: 'opening', role: 'status' }, say(words().ui.opening, { title: entry ? levelTitle(entry) : (snapshot.context.levelId ?? '') })),
      );
      return;
    }
    const page: PageScreen = snapshot.matches('guide')
      ? 'guide'
      : snapshot.matches('levels')
        ? 'levels'
        : snapshot.matches('playground')
          ? 'playground'
          : 'title';
    const key = this.pageKey(page);
    if (this.shown === key) return;
    this.shown = key;
    this.level?.screen.destroy();
    this.level = undefined;
    this.renderPage(page);
  }

  /** The level screen's code, fetched once. */
  private loadLevelScreen(): Promise<typeof import('./level-screen.ts')> {
    this.levelScreenLoading ??= import('./level-screen.ts').then((code) => (this.levelScreen = code));
    return this.levelScreenLoading;
  }

  /** What makes a page screen new: the screen, its notice, and for the playground whether it is to play its world at once (Forward to it). */
  private pageKey(page: PageScreen): string {
    const { notice, playWorld } = this.game.getSnapshot().context;
    return `${page}:${notice ?? ''}${page === 'playground' && playWorld ? ':play' : ''}`;
  }

  /** The "Embed this level" panel, loaded when first asked for. */
  private async openEmbedPanel(): Promise<void> {
    const { opened: level, seed } = this.game.getSnapshot().context;
    if (!level || !this.ports.embedding) return;
    const { openEmbedPanel } = await import('./embed-panel.ts');
    openEmbedPanel({ level, seed, ...this.ports.embedding });
  }

  /** The title screen, the level list or the field guide, drawn anew (after progress changes too). */
  private renderPage(which: PageScreen, done?: string): void {
    const { catalog, notice, world, seed, playWorld } = this.game.getSnapshot().context;
    if (which === 'playground') {
      // The playground's code loads when it is opened (docs/architecture.md, budgets).
      fill(this.body, h('p', { class: 'opening', role: 'status' }, words().ui.openingPlayground));
      void import('./playground-screen.ts').then(({ playgroundScreen }) => {
        if (this.shown !== this.pageKey('playground')) return;
        const page = playgroundScreen({
          world,
          seed,
          playNow: playWorld === true,
          changed: (encoded) => this.game.send({ type: 'WORLD', world: encoded }),
          play: (level, world) => this.game.send({ type: 'PLAY_WORLD', level, world }),
        });
        fill(this.body, page);
        this.focus(page.querySelector<HTMLElement>('h1'));
        this.started = true;
      });
      return;
    }
    const open = (id: string) => this.game.send({ type: 'OPEN', id });
    const refresh = (words: string) => this.renderPage(which, words);
    const page =
      which === 'guide'
        ? guideScreen(catalog, this.ports.progress, open)
        : titleScreen({ catalog, progress: this.ports.progress, notice, embed: this.ports.embed, listOnly: which === 'levels', open, refresh, done });
    fill(this.body, page);
    // Drawn again after the progress changed, the focus stays in the progress box, where the player acted.
    this.focus(page.querySelector<HTMLElement>(done !== undefined ? '#progress-heading' : which === 'levels' ? '#levels-title' : 'h1'), done === undefined);
    this.started = true;
    // With the first screen drawn, the level screen's code comes next, so that a level opens at once.
    setTimeout(() => void this.loadLevelScreen(), 0);
  }
}
