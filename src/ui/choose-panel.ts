import type { PatternName } from '../content/patterns.ts';
import { describePattern, levelText, paramsText, paramText, say } from '../content/present.ts';
import { words } from '../content/text/index.ts';
import type { LevelContext } from '../flow/level-machine.ts';
import { offeredDefences, paramRanges } from '../content/params.ts';
import { h } from './dom.ts';
import { withPatternColour } from './pattern-colour.ts';

export interface ChooseHandlers {
  pick(pattern: PatternName): void;
  setParam(name: string, value: number): void;
  predict(value: number | undefined): void;
  run(): void;
  briefing(): void;
}

export function choosePanel(ctx: LevelContext, on: ChooseHandlers): HTMLElement {
  const text = levelText(ctx.level);
  const chosen = ctx.pattern && describePattern(ctx.pattern);
  const ranges = ctx.pattern ? paramRanges(ctx.level, ctx.pattern) : {};
  return h(
    'section',
    { class: 'panel-body', 'aria-labelledby': 'panel-heading' },
    h('p', { class: 'eyebrow' }, text.title),
    h('h2', { id: 'panel-heading', tabindex: -1 }, words().ui.pickPattern),
    h('p', {}, words().ui.pickHelp),
    ctx.error && h('p', { class: 'notice error', role: 'alert' }, say(words().ui.runStopped, { error: ctx.error })),
    ctx.result &&
      h(
        'p',
        { class: 'previous-run' },
        say(words().ui.lastRunShown, { run: [words().patterns[ctx.result.pattern], paramsText(ctx.result.params)].filter(Boolean).join(', ') }),
      ),
    h(
      'div',
      { class: 'choices', role: 'group', 'aria-label': words().ui.patternsGroup },
      ...ctx.level.patterns.offered.map(describePattern).map((p) =>
        withPatternColour(
          h(
            'button',
            {
              class: 'choice',
              'data-focus': `pattern-${p.name}`,
              'aria-pressed': String(ctx.pattern === p.name),
              onclick: () => on.pick(p.name),
            },
            h('span', { class: 'choice-name', 'data-chosen': words().ui.chosenMark }, p.label),
            // Named by all it shows (label in name), the pattern said apart from its blurb: "Polling. Ask the server…".
            h('span', { class: 'sr-only' }, '. '),
            h('span', { class: 'choice-blurb' }, p.description),
          ),
          p.name,
        ),
      ),
    ),
    ...(chosen ? chosen.params : []).flatMap(({ name, label }) => {
      const range = ranges[name];
      if (!range) return [];
      const value = ctx.params[name] ?? range.default;
      const output = h('output', { id: `param-${name}-value` }, paramText(name, value));
      return h(
        'div',
        { class: 'param' },
        h('label', { for: `param-${name}` }, label),
        h('input', {
          id: `param-${name}`,
          type: 'range',
          min: range.min,
          max: range.max,
          step: range.step,
          value,
          'aria-valuetext': paramText(name, value),
          oninput: (e: Event) => {
            const input = e.target as HTMLInputElement;
            output.textContent = paramText(name, Number(input.value));
            input.setAttribute('aria-valuetext', output.textContent);
          },
          onchange: (e: Event) => on.setParam(name, Number((e.target as HTMLInputElement).value)),
        }),
        output,
      );
    }),
    ...(ctx.pattern ? [defencesFieldset(ctx, ctx.pattern, on)] : []),
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
          placeholder: words().ui.yourGuess,
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
      h('button', { class: 'primary', disabled: !ctx.pattern, onclick: on.run }, words().ui.run),
      h('button', { class: 'quiet', onclick: on.briefing }, words().ui.backToBriefing),
    ),
  );
}

/** The defences this level lets the player turn on or off for the chosen pattern, each with what it costs. */
function defencesFieldset(ctx: LevelContext, pattern: PatternName, on: ChooseHandlers): HTMLElement | undefined {
  const offered = offeredDefences(ctx.level, pattern);
  if (offered.length === 0) return undefined;
  return h(
    'fieldset',
    { class: 'defences' },
    h('legend', {}, words().defencesHeading),
    ...offered.map((name) => {
      const defence = words().defences[name];
      return h(
        'div',
        { class: 'defence' },
        h('input', {
          id: `defence-${name}`,
          type: 'checkbox',
          checked: (ctx.params[name] ?? 0) !== 0,
          'aria-describedby': `defence-${name}-cost`,
          onchange: (e: Event) => on.setParam(name, (e.target as HTMLInputElement).checked ? 1 : 0),
        }),
        h('label', { for: `defence-${name}` }, defence.label),
        h('p', { id: `defence-${name}-cost`, class: 'defence-cost' }, `${words().defenceCost} ${defence.cost}`),
      );
    }),
  );
}
