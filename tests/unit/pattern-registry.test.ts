// @vitest-environment happy-dom
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { paramSpec, patternNames, patternRegistry, type PatternParam, type PatternSpec } from '../../src/content/pattern-registry.ts';
import { describePattern } from '../../src/content/present.ts';
import type { LevelContext } from '../../src/flow/level-machine.ts';
import type { RunResult } from '../../src/run/session.ts';
import { patterns } from '../../src/patterns/index.ts';
import { palette, toNumber } from '../../src/stage/palette.ts';
import { choosePanel } from '../../src/ui/choose-panel.ts';
import { patternColourProperty } from '../../src/ui/pattern-colour.ts';
import { runChart } from '../../src/ui/run-chart.ts';
import { debriefPanel } from '../../src/ui/debrief-panel.ts';
import { metricNames } from '../../src/sim/metrics.ts';
import { level } from './helpers.ts';

/** WCAG 2 relative luminance of an 0xrrggbb colour. */
function luminance(rgb: number): number {
  const [r, g, b] = [16, 8, 0].map((shift) => {
    const c = ((rgb >> shift) & 0xff) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: number, b: number): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the pattern registry', () => {
  it('has a client implementation for every pattern, and none for a pattern it lacks', () => {
    expect(Object.keys(patterns).sort()).toEqual([...patternNames].sort());
    for (const name of patternNames) expect(typeof patterns[name], name).toBe('function');
  });

  it.each(patternNames)('%s: "the code that ran" is the files whose client runs: its plain code, and its XState wiring where it has one', async (name) => {
    const spec: PatternSpec = patternRegistry[name];
    const files = [spec.source, spec.wiring].filter((f): f is string => f !== undefined).map((f) => `src/patterns/${f}.ts`);
    for (const file of files) expect(existsSync(file), file).toBe(true);
    const runs = files.at(-1)!;
    const client: Record<string, unknown> = await import(`../../${runs}`);
    expect(Object.values(client), `${runs} exports the client that patterns/index.ts starts for ${name}`).toContain(patterns[name]);
    if (spec.wiring) {
      const plain = readFileSync(`src/patterns/${spec.source}.ts`, 'utf8');
      expect(plain, `${spec.source}.ts is plain code: its wiring is apart`).not.toMatch(/from 'xstate'/);
      expect(readFileSync(runs, 'utf8'), `${spec.wiring}.ts drives ${spec.source}.ts`).toMatch(new RegExp(`from '\\./${spec.source}\\.ts'`));
    }
  });

  it.each(patternNames)('%s has its words: a label, a description, a label for each parameter', (name) => {
    const p = describePattern(name);
    expect(p.label.trim()).not.toBe('');
    expect(p.description.trim()).not.toBe('');
    for (const param of p.params) expect(param.label.trim(), param.name).not.toBe('');
  });

  it('names every parameter one way: one name, one unit, one label', () => {
    for (const name of patternNames) {
      for (const [param, spec] of Object.entries(patternRegistry[name].params)) expect(spec, `${name}.${param}`).toEqual(paramSpec(param as PatternParam));
    }
  });

  it('gives each pattern its own colour', () => {
    const colours = patternNames.map((p) => patternRegistry[p].colour.toLowerCase());
    expect(new Set(colours).size).toBe(colours.length);
  });

  // WCAG 2.2 1.4.11 (non-text contrast): 3:1 for a graphical object against what it is drawn on.
  it.each(patternNames)('%s has a #rrggbb colour that stands out 3:1 on the stage and on a panel', (name) => {
    const { colour } = patternRegistry[name];
    expect(colour).toMatch(/^#[0-9a-f]{6}$/i);
    expect(contrast(toNumber(colour), palette.background), 'on the stage').toBeGreaterThanOrEqual(3);
    expect(contrast(toNumber(colour), palette.panel), 'on a panel').toBeGreaterThanOrEqual(3);
  });
});

describe('pattern colours outside the registry', () => {
  const css = readFileSync('src/ui/styles.css', 'utf8');

  it('styles.css names no pattern: a colour reaches it only as the registry custom property', () => {
    for (const name of patternNames) expect(css).not.toMatch(new RegExp(`\\.(choice|swatch)-${escape(name)}\\b`));
    expect(new Set(css.match(/--pattern[\w-]*/g))).toEqual(new Set([patternColourProperty]));
    expect(css).toMatch(new RegExp(`\\.choice \\{[^}]*border-left-color: var\\(${patternColourProperty}\\)`));
    expect(css).toMatch(new RegExp(`\\.swatch::before \\{[^}]*background: var\\(${patternColourProperty}\\)`));
  });

  it('the choice buttons carry their label, description and registry colour', () => {
    const lvl = level('wheres-my-package');
    const ctx = { level: { ...lvl, patterns: { ...lvl.patterns, offered: [...patternNames] } }, params: {}, runs: [] } as unknown as LevelContext;
    const noop = () => {};
    const panel = choosePanel(ctx, { pick: noop, setParam: noop, predict: noop, run: noop, briefing: noop });
    const buttons = [...panel.querySelectorAll<HTMLButtonElement>('button.choice')];
    expect(buttons.map((b) => b.querySelector('.choice-name')?.textContent)).toEqual(patternNames.map((p) => describePattern(p).label));
    expect(buttons.map((b) => b.style.getPropertyValue(patternColourProperty))).toEqual(patternNames.map((p) => patternRegistry[p].colour));
  });

  it("the debrief's chart draws each pattern's bars in its registry colour", () => {
    const lvl = level('profile-page');
    // The chart reads a run's pattern, parameters and the goals' measurements, nothing else.
    const metrics = Object.fromEntries(lvl.goals.map((g) => [g.metric, 1]));
    const chart = runChart(
      lvl,
      patternNames.map((pattern) => ({ pattern, params: {}, metrics }) as unknown as RunResult),
    );
    const fills = [...chart.querySelectorAll('rect')].map((r) => r.getAttribute('fill'));
    const perMetric = new Set(lvl.goals.map((g) => g.metric)).size;
    expect(fills).toEqual(Array.from({ length: perMetric }, () => patternNames.map((p) => patternRegistry[p].colour)).flat());
  });
});

describe('"the code that ran" in the debrief', () => {
  it('shows the plain client first, and its XState wiring apart, each read from its own file', async () => {
    const lvl = level('wheres-my-package');
    const metrics = Object.fromEntries(metricNames.map((m) => [m, 1]));
    const result = { pattern: 'polling', params: {}, verdict: { stars: 1, passed: false }, goals: [], metrics } as unknown as RunResult;
    const ctx = { level: lvl, result, runs: [result], params: {} } as unknown as LevelContext;
    const asked: string[] = [];
    const loadSource = async (file: string) => (asked.push(file), `// the text of ${file}.ts`);
    const panel = debriefPanel(ctx, { retry: () => {}, next: () => {}, hasNext: false, loadSource });
    const [outer, inner] = [...panel.querySelectorAll('details.code-box')] as HTMLDetailsElement[];
    expect(inner.parentElement).toBe(outer);
    const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
    outer.open = true;
    await settle();
    expect(asked).toEqual(['polling']);
    expect(outer.querySelector('pre')!.textContent).toBe('// the text of polling.ts');
    inner.open = true;
    await settle();
    expect(asked).toEqual(['polling', 'polling-machine']);
    expect(inner.querySelector('pre')!.textContent).toBe('// the text of polling-machine.ts');
  });
});
