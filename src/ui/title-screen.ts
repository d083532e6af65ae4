import type { Catalog, LevelError } from '../content/catalog.ts';
import { describeErrors } from '../content/catalog.ts';
import { levelText } from '../content/present.ts';
import { en } from '../content/text/en.ts';
import { h, starsGlyphs } from './dom.ts';
import type { ProgressPort } from './ports.ts';

export interface TitleOptions {
  catalog: Catalog;
  progress: ProgressPort;
  notice?: string;
  embed: boolean;
  open(id: string): void;
}

function errorsNotice(errors: LevelError[]): HTMLElement | false {
  if (errors.length === 0) return false;
  return h(
    'div',
    { class: 'notice error', role: 'alert' },
    h('p', {}, `${errors.length === 1 ? 'One level file' : `${errors.length} level files`} could not be loaded; the other levels work as usual.`),
    h('ul', {}, ...describeErrors(errors).map((line) => h('li', {}, h('code', {}, line)))),
  );
}

/** The title screen: what the game is, where to start, and every level by its title. */
export function titleScreen(opts: TitleOptions): HTMLElement {
  const levels = opts.catalog.chapters.flatMap((c) => c.levels);
  const first = levels.find((l) => opts.progress.stars(l.id) < 3) ?? levels[0];
  return h(
    'main',
    { class: 'title-screen' },
    h(
      'section',
      { class: 'hero', 'aria-labelledby': 'game-title' },
      h('h1', { id: 'game-title', tabindex: -1 }, en.gameTitle),
      h('p', { class: 'tagline' }, en.tagline),
      !opts.embed && h('p', { class: 'intro' }, en.intro),
      first && h('button', { class: 'primary big', onclick: () => opts.open(first.id) }, `Play “${levelText(first).title}”`),
    ),
    opts.notice && h('p', { class: 'notice', role: 'status' }, opts.notice),
    errorsNotice(opts.catalog.errors),
    h(
      'nav',
      { class: 'level-list', 'aria-label': 'Levels' },
      h('h2', {}, 'Levels'),
      ...opts.catalog.chapters.map((chapter) =>
        h(
          'section',
          { class: 'chapter', 'aria-label': chapter.title.en },
          h('h3', {}, chapter.title.en),
          h(
            'ul',
            {},
            ...chapter.levels.map((level) => {
              const stars = opts.progress.stars(level.id);
              return h(
                'li',
                {},
                h(
                  'button',
                  { class: 'level-button', onclick: () => opts.open(level.id), 'aria-describedby': `stars-${level.id}` },
                  h('span', { class: 'level-title' }, levelText(level).title),
                ),
                h('span', { class: 'level-stars', id: `stars-${level.id}` }, h('span', { 'aria-hidden': 'true' }, starsGlyphs(stars)), h('span', { class: 'sr-only' }, `${stars} of 3 stars`)),
              );
            }),
          ),
        ),
      ),
    ),
    !opts.progress.saving && h('p', { class: 'quiet-note' }, 'This browser does not let the game store anything here, so progress lasts until the page closes.'),
  );
}
