import type { PatternName } from '../content/patterns.ts';
import { levelText, paramsText } from '../content/present.ts';
import { en } from '../content/text/en.ts';
import type { LevelContext } from '../flow/level-machine.ts';
import { paramRanges } from '../content/params.ts';
import { formatDuration } from '../sim/format.ts';
import { h } from './dom.ts';

export interface ChooseHandlers {
  pick(pattern: PatternName): void;
  setParam(name: string, value: number): void;
  predict(value: number | undefined): void;
  run(): void;
  briefing(): void;
}

const paramLabels: Record<string, string> = { intervalMs: 'Polling interval' };

export function choosePanel(ctx: LevelContext, on: ChooseHandlers): HTMLElement {
  const text = levelText(ctx.level);
  const ranges = ctx.pattern ? paramRanges(ctx.level, ctx.pattern) : {};
  return h(
    'section',
    { class: 'panel-body', 'aria-labelledby': 'panel-heading' },
    h('p', { class: 'eyebrow' }, text.title),
    h('h2', { id: 'panel-heading', tabindex: -1 }, 'Pick a pattern'),
    h('p', {}, 'How should your app hear about changes? Pick one, then run it.'),
    ctx.error && h('p', { class: 'notice error', role: 'alert' }, `The run stopped: ${ctx.error}`),
    ctx.result &&
      h('p', { class: 'previous-run' }, `The stage and the log still show your last run (${[en.patterns[ctx.result.pattern], paramsText(ctx.result.params)].filter(Boolean).join(', ')}); Run starts a new one.`),
    h(
      'div',
      { class: 'choices', role: 'group', 'aria-label': 'Patterns' },
      ...ctx.level.patterns.offered.map((p) =>
        h(
          'button',
          { class: `choice choice-${p}`, 'aria-pressed': String(ctx.pattern === p), onclick: () => on.pick(p) },
          h('span', { class: 'choice-name' }, en.patterns[p]),
          h('span', { class: 'choice-blurb' }, en.patternBlurbs[p]),
        ),
      ),
    ),
    ...Object.entries(ranges).map(([name, range]) => {
      const value = ctx.params[name] ?? range.default;
      const output = h('output', { id: `param-${name}-value` }, `every ${formatDuration(value)}`);
      return h(
        'div',
        { class: 'param' },
        h('label', { for: `param-${name}` }, paramLabels[name] ?? name),
        h('input', {
          id: `param-${name}`,
          type: 'range',
          min: range.min,
          max: range.max,
          step: range.step,
          value,
          'aria-valuetext': `every ${formatDuration(value)}`,
          oninput: (e: Event) => {
            const input = e.target as HTMLInputElement;
            output.textContent = `every ${formatDuration(Number(input.value))}`;
            input.setAttribute('aria-valuetext', output.textContent);
          },
          onchange: (e: Event) => on.setParam(name, Number((e.target as HTMLInputElement).value)),
        }),
        output,
      );
    }),
    ctx.level.predict &&
      text.predict &&
      h(
        'div',
        { class: 'predict' },
        h('label', { for: 'predict-input' }, text.predict),
        h('input', {
          id: 'predict-input',
          type: 'number',
          min: 0,
          inputmode: 'numeric',
          placeholder: 'Your guess',
          value: ctx.guess ?? '',
          onchange: (e: Event) => {
            const raw = (e.target as HTMLInputElement).value;
            on.predict(raw === '' || !Number.isFinite(Number(raw)) ? undefined : Number(raw));
          },
        }),
      ),
    h(
      'div',
      { class: 'actions' },
      h('button', { class: 'primary', disabled: !ctx.pattern, onclick: on.run }, 'Run'),
      h('button', { class: 'quiet', onclick: on.briefing }, 'Back to the briefing'),
    ),
  );
}
