import { levelText } from '../content/present.ts';
import { pointOf, type Level } from '../content/schema.ts';
import { en } from '../content/text/en.ts';
import { h } from './dom.ts';

export function briefingPanel(level: Level, onContinue: () => void): HTMLElement {
  const text = levelText(level);
  return h(
    'section',
    { class: 'panel-body', 'aria-labelledby': 'panel-heading' },
    h('p', { class: 'eyebrow' }, 'Briefing'),
    h('h2', { id: 'panel-heading', tabindex: -1 }, text.title),
    h('p', { class: 'story' }, text.story),
    h('h3', {}, 'Your goals'),
    h(
      'ul',
      { class: 'goals' },
      ...level.goals.map((g) =>
        g.id === pointOf(level)
          ? h('li', { class: 'point' }, h('span', { class: 'point-tag' }, en.debrief.pointTag), ' ', text.goals[g.id])
          : h('li', {}, text.goals[g.id]),
      ),
    ),
    // Folded, as in the debrief: the goals and the button to choose stay on a phone's first screen.
    h('details', { class: 'point-note stars-rule' }, h('summary', {}, en.starsRuleSummary), h('p', {}, en.pointNote)),
    h('details', { class: 'hints' }, h('summary', {}, 'Need a hint?'), ...text.hints.map((hint) => h('p', {}, hint))),
    h('div', { class: 'actions' }, h('button', { class: 'primary', onclick: onContinue }, 'Choose a pattern')),
  );
}
