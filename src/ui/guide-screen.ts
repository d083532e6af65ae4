import type { Catalog, LevelEntry } from '../content/catalog.ts';
import { patternNames } from '../content/pattern-registry.ts';
import { ruleFits, ruleIds, type RuleId } from '../content/patterns.ts';
import { chapterTitle, levelTitle, listWords, say } from '../content/present.ts';
import { words } from '../content/text/index.ts';
import { h } from './dom.ts';
import { withPatternColour } from './pattern-colour.ts';
import type { ProgressPort } from './ports.ts';

/** One card for every pattern the game offers: what it is and what it costs. */
function patternCards(): HTMLElement {
  return h(
    'section',
    { class: 'guide-patterns', 'aria-labelledby': 'guide-patterns' },
    h('h2', { id: 'guide-patterns' }, words().guide.patternsHeading),
    h(
      'dl',
      { class: 'definitions' },
      ...patternNames.map((p) =>
        withPatternColour(h('div', { class: 'definition', 'data-pattern': p }, h('dt', {}, words().patterns[p]), h('dd', {}, words().guide.patterns[p])), p),
      ),
    ),
  );
}

/** A level's rule: hidden until the level is passed with three stars, then its words and the patterns that fit. */
function ruleCard(level: LevelEntry, learned: boolean, open: (id: string) => void): HTMLElement {
  const title = levelTitle(level);
  return h(
    'li',
    { class: `rule-card ${learned ? 'learned' : ''}`, 'data-rule': level.rule },
    h('p', { class: 'rule-state' }, learned ? `✓ ${words().guide.learned}` : words().guide.notYet),
    learned
      ? [
          h('p', { class: 'rule-text' }, words().rules[level.rule].text),
          h(
            'p',
            { class: 'rule-answer' },
            words().guide.fits.replace(
              '{patterns}',
              listWords(
                ruleFits[level.rule].map((p) => words().patterns[p]),
                'or',
              ),
            ),
          ),
        ]
      : h('p', { class: 'rule-hidden' }, words().guide.hidden),
    h('button', { class: 'quiet', onclick: () => open(level.id) }, say(words().ui.play, { title })),
  );
}

/**
 * The field guide: a card for every pattern, then the rules chapter by chapter, each shown only once its level
 * is passed, so that the list of rules cannot be read as an answer key.
 */
export function guideScreen(catalog: Catalog<LevelEntry>, progress: ProgressPort, open: (id: string) => void): HTMLElement {
  const taught = new Set(catalog.chapters.flatMap((c) => c.levels.map((l) => l.rule)));
  const untaught = ruleIds.filter((id: RuleId) => !taught.has(id));
  return h(
    'main',
    { class: 'guide-screen' },
    h('h1', { id: 'guide-title', tabindex: -1 }, words().guide.title),
    h('p', { class: 'intro' }, words().guide.intro),
    patternCards(),
    h('h2', { class: 'rules-heading' }, words().guide.rulesHeading),
    ...catalog.chapters.map((chapter) =>
      h(
        'section',
        { class: 'rule-group', 'aria-label': chapterTitle(chapter) },
        h('h3', {}, chapterTitle(chapter)),
        h('ul', { class: 'rule-cards' }, ...chapter.levels.map((level) => ruleCard(level, progress.stars(level.id) === 3, open))),
      ),
    ),
    untaught.length > 0 &&
      h(
        'section',
        { class: 'rule-group', 'aria-label': words().guide.untaught },
        h('h3', {}, words().guide.untaught),
        h(
          'ul',
          { class: 'rule-cards' },
          ...untaught.map((id) =>
            h(
              'li',
              { class: 'rule-card', 'data-rule': id },
              h('p', { class: 'rule-text' }, words().rules[id].text),
              h('p', { class: 'rule-missing' }, words().guide.noLevel),
            ),
          ),
        ),
      ),
  );
}
