import type { Catalog } from '../content/catalog.ts';
import { ruleIds } from '../content/patterns.ts';
import { levelText } from '../content/present.ts';
import { en } from '../content/text/en.ts';
import { h } from './dom.ts';
import type { ProgressPort } from './ports.ts';

/** The field guide: the two definitions, then every rule as a card, marked once its level is passed. */
export function guideScreen(catalog: Catalog, progress: ProgressPort, open: (id: string) => void): HTMLElement {
  const levels = catalog.chapters.flatMap((c) => c.levels);
  const groups = [...new Set(ruleIds.map((id) => en.rules[id].group))];
  return h(
    'main',
    { class: 'guide-screen' },
    h('h1', { id: 'guide-title', tabindex: -1 }, en.guide.title),
    h('p', { class: 'intro' }, en.guide.intro),
    h('dl', { class: 'definitions' }, ...en.guide.definitions.map((d) => h('div', { class: 'definition' }, h('dt', {}, d.term), h('dd', {}, d.text)))),
    ...groups.map((group) =>
      h(
        'section',
        { class: 'rule-group', 'aria-label': group },
        h('h2', {}, group),
        h(
          'ul',
          { class: 'rule-cards' },
          ...ruleIds
            .filter((id) => en.rules[id].group === group)
            .map((id) => {
              const level = levels.find((l) => l.rule === id);
              const learned = level !== undefined && progress.stars(level.id) === 3;
              return h(
                'li',
                { class: `rule-card ${learned ? 'learned' : ''}`, 'data-rule': id },
                h('p', { class: 'rule-state' }, learned ? `✓ ${en.guide.learned}` : en.guide.notYet),
                h('p', { class: 'rule-text' }, en.rules[id].text),
                learned && h('p', { class: 'rule-answer' }, `Answer: ${en.rules[id].answer}`),
                level
                  ? h('button', { class: 'quiet', onclick: () => open(level.id) }, `Play “${levelText(level).title}”`)
                  : h('p', { class: 'rule-missing' }, en.guide.noLevel),
              );
            }),
        ),
      ),
    ),
  );
}
