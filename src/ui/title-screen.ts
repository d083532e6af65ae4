import type { Catalog, LevelEntry, LevelError } from '../content/catalog.ts';
import { describeErrors } from '../content/catalog.ts';
import { chapterTitle, levelTitle } from '../content/present.ts';
import { words } from '../content/text/index.ts';
import { copyField, h, starsGlyphs } from './dom.ts';
import type { ProgressPort } from './ports.ts';

export interface TitleOptions {
  catalog: Catalog<LevelEntry>;
  progress: ProgressPort;
  notice?: string;
  embed: boolean;
  /** The level list on its own (the Levels screen): no welcome, the list's heading is the page's. */
  listOnly?: boolean;
  open(id: string): void;
  /** Draw the screen again (after the progress was reset or loaded), saying `done` in the progress box. */
  refresh(done: string): void;
  /** What the progress box says after a refresh, if anything. */
  done?: string;
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

/** Copy the progress out as a code, load one, or start over. */
function progressBox(opts: TitleOptions): HTMLElement {
  const status = h('p', { class: 'progress-status', role: 'status' }, opts.done);
  const codeField = h('input', { id: 'progress-code', type: 'text', autocomplete: 'off', spellcheck: false, placeholder: 'PoP2.…' });
  const confirmReset = h('span', { class: 'confirm', hidden: true });
  const copy = async () => {
    codeField.value = opts.progress.exportCode();
    await copyField(codeField, status, {
      copied: 'Your progress code is in the box and on the clipboard.',
      refused: 'Your progress code is in the box: copy it from there.',
    });
  };
  const load = () => {
    if (opts.progress.importCode(codeField.value)) opts.refresh(words().a11y.progressLoaded);
    else status.textContent = 'That is not a progress code of this game. Nothing was changed.';
  };
  confirmReset.append(
    'Forget every star? ',
    h('button', { class: 'danger', onclick: () => (opts.progress.reset(), opts.refresh(words().a11y.progressReset)) }, 'Yes, reset'),
    h('button', { class: 'quiet', onclick: () => (confirmReset.hidden = true) }, 'Keep it'),
  );
  return h(
    'section',
    { class: 'progress-box', 'aria-labelledby': 'progress-heading' },
    h('h2', { id: 'progress-heading', tabindex: -1 }, 'Your progress'),
    h('p', { class: 'help' }, 'Progress is kept in this browser, per site. To take it elsewhere, copy its code and load it there.'),
    h('label', { for: 'progress-code' }, 'Progress code'),
    h(
      'div',
      { class: 'actions' },
      codeField,
      h('button', { onclick: copy }, 'Copy progress code'),
      h('button', { onclick: load }, 'Load progress code'),
      h('button', { class: 'quiet', onclick: () => (confirmReset.hidden = false) }, 'Reset progress'),
    ),
    confirmReset,
    status,
  );
}

/** The title screen: what the game is, where to go next, and every level by its title. */
export function titleScreen(opts: TitleOptions): HTMLElement {
  const levels = opts.catalog.chapters.flatMap((c) => c.levels);
  const last = levels.findIndex((l) => l.id === opts.progress.last());
  const after = [...levels.slice(last + 1), ...levels.slice(0, last + 1)];
  const unfinished = after.find((l) => opts.progress.stars(l.id) < 3);
  return h(
    'main',
    { class: 'title-screen' },
    h(
      'section',
      { class: 'hero', 'aria-labelledby': 'game-title', hidden: opts.listOnly },
      h('h1', { id: 'game-title', tabindex: -1 }, words().gameTitle),
      h('p', { class: 'tagline' }, words().tagline),
      !opts.embed && h('p', { class: 'intro' }, words().intro),
      !unfinished &&
        levels.length > 0 &&
        h(
          'p',
          { class: 'complete' },
          `Campaign complete: all ${levels.length} levels at three stars. Replay any of them with the patterns you did not try, and compare what each one measured.`,
        ),
      unfinished && h('button', { class: 'primary big', onclick: () => opts.open(unfinished.id) }, `Play “${levelTitle(unfinished)}”`),
    ),
    opts.notice && h('p', { class: 'notice', role: 'status' }, opts.notice),
    opts.progress.recovered &&
      h('p', { class: 'notice' }, 'Your saved progress could not be read, so the game started it afresh. The old value is kept aside in this browser.'),
    errorsNotice(opts.catalog.errors),
    h(
      'nav',
      { class: 'level-list', 'aria-label': 'Levels' },
      opts.listOnly ? h('h1', { id: 'levels-title', tabindex: -1 }, 'Levels') : h('h2', {}, 'Levels'),
      ...opts.catalog.chapters.map((chapter) =>
        h(
          'section',
          { class: 'chapter', 'aria-label': chapterTitle(chapter) },
          h('h3', {}, chapterTitle(chapter)),
          h(
            'ul',
            {},
            ...chapter.levels.map((level) => {
              const stars = opts.progress.stars(level.id);
              return h(
                'li',
                { class: level === unfinished ? 'next-up' : '' },
                h(
                  'button',
                  { class: 'level-button', onclick: () => opts.open(level.id), 'aria-describedby': `stars-${level.id}` },
                  h('span', { class: 'level-title' }, levelTitle(level)),
                  level === unfinished && h('span', { class: 'badge' }, 'Next up'),
                ),
                h(
                  'span',
                  { class: 'level-stars', id: `stars-${level.id}` },
                  h('span', { 'aria-hidden': 'true' }, starsGlyphs(stars)),
                  h('span', { class: 'sr-only' }, `${stars} of 3 stars`),
                ),
              );
            }),
          ),
        ),
      ),
    ),
    progressBox(opts),
    !opts.progress.saving &&
      h('p', { class: 'quiet-note' }, 'This browser does not let the game store anything here, so progress lasts until the page closes.'),
  );
}
