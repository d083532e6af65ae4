import type { Catalog, LevelEntry, LevelError } from '../content/catalog.ts';
import { chapterTitle, levelTitle, say, starsText } from '../content/present.ts';
import { problemLines } from '../content/problem-words.ts';
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
    h('p', {}, say(words().ui.levelFilesBroken[errors.length === 1 ? 0 : 1], { count: errors.length })),
    h('ul', {}, ...problemLines(errors).map((line) => h('li', {}, h('code', {}, line)))),
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
      copied: words().ui.progressCopied,
      refused: words().ui.progressCopyRefused,
    });
  };
  const load = () => {
    if (opts.progress.importCode(codeField.value)) opts.refresh(words().a11y.progressLoaded);
    else status.textContent = words().ui.progressBadCode;
  };
  confirmReset.append(
    words().ui.forgetStars,
    h('button', { class: 'danger', onclick: () => (opts.progress.reset(), opts.refresh(words().a11y.progressReset)) }, words().ui.yesReset),
    h('button', { class: 'quiet', onclick: () => (confirmReset.hidden = true) }, words().ui.keepIt),
  );
  return h(
    'section',
    { class: 'progress-box', 'aria-labelledby': 'progress-heading' },
    h('h2', { id: 'progress-heading', tabindex: -1 }, words().ui.yourProgress),
    h('p', { class: 'help' }, words().ui.progressHelp),
    h('label', { for: 'progress-code' }, words().ui.progressCode),
    h(
      'div',
      { class: 'actions' },
      codeField,
      h('button', { onclick: copy }, words().ui.copyProgressCode),
      h('button', { onclick: load }, words().ui.loadProgressCode),
      h('button', { class: 'quiet', onclick: () => (confirmReset.hidden = false) }, words().ui.resetProgress),
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
      !unfinished && levels.length > 0 && h('p', { class: 'complete' }, say(words().ui.campaignComplete, { count: levels.length })),
      unfinished && h('button', { class: 'primary big', onclick: () => opts.open(unfinished.id) }, say(words().ui.play, { title: levelTitle(unfinished) })),
    ),
    opts.notice && h('p', { class: 'notice', role: 'status' }, opts.notice),
    opts.progress.recovered && h('p', { class: 'notice' }, words().ui.progressRecovered),
    errorsNotice(opts.catalog.errors),
    h(
      'nav',
      { class: 'level-list', 'aria-label': words().ui.levels },
      opts.listOnly ? h('h1', { id: 'levels-title', tabindex: -1 }, words().ui.levels) : h('h2', {}, words().ui.levels),
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
                  level === unfinished && h('span', { class: 'badge' }, words().ui.nextUp),
                ),
                h(
                  'span',
                  { class: 'level-stars', id: `stars-${level.id}` },
                  h('span', { 'aria-hidden': 'true' }, starsGlyphs(stars)),
                  h('span', { class: 'sr-only' }, starsText(stars)),
                ),
              );
            }),
          ),
        ),
      ),
    ),
    progressBox(opts),
    !opts.progress.saving && h('p', { class: 'quiet-note' }, words().ui.notSaving),
  );
}
