import { levelText } from '../content/present.ts';
import { pointOf, type Level } from '../content/schema.ts';
import { words } from '../content/text/index.ts';
import { h } from './dom.ts';

export function briefingPanel(level: Level, onContinue: () => void): HTMLElement {
  const text = levelText(level);
  return h(
    'section',
    { class: 'panel-body', 'aria-labelledby': 'panel-heading' },
    h('p', { class: 'eyebrow' }, words().ui.briefing),
    h('h2', { id: 'panel-heading', tabindex: -1 }, text.title),
    h('p', { class: 'story' }, text.story),
    h('h3', {}, words().ui.yourGoals),
    h(
      'ul',
      { class: 'goals' },
      ...level.goals.map((g) =>
        g.id === pointOf(level)
          ? h(
              'li',
              { class: 'point' },
              h('span', { class: 'point-tag' }, words().debrief.pointTag),
              h('span', { class: 'sr-only' }, ': '),
              ' ',
              text.goals[g.id],
            )
          : h('li', {}, text.goals[g.id]),
      ),
    ),
    // Folded, as in the debrief: the goals and the button to choose stay on a phone's first screen.
    h('details', { class: 'point-note stars-rule' }, h('summary', {}, words().starsRuleSummary), h('p', {}, words().pointNote)),
    h('details', { class: 'hints' }, h('summary', {}, words().ui.needHint), ...text.hints.map((hint) => h('p', {}, hint))),
    h('div', { class: 'actions' }, h('button', { class: 'primary', onclick: onContinue }, words().ui.choosePattern)),
  );
}
