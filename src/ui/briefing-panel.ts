import { levelText } from '../content/present.ts';
import type { Level } from '../content/schema.ts';
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
    h('ul', { class: 'goals' }, ...level.goals.map((g) => h('li', {}, text.goals[g.id]))),
    h('details', { class: 'hints' }, h('summary', {}, 'Need a hint?'), ...text.hints.map((hint) => h('p', {}, hint))),
    h('div', { class: 'actions' }, h('button', { class: 'primary', onclick: onContinue }, 'Choose a pattern')),
  );
}
