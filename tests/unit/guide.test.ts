// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/app/cli/node-levels.ts';
import { allLevels } from '../../src/content/catalog.ts';
import { patternNames } from '../../src/content/pattern-registry.ts';
import { ruleFits, type PatternName } from '../../src/content/patterns.ts';
import { en } from '../../src/content/text/en.ts';
import { guideScreen } from '../../src/ui/guide-screen.ts';
import type { ProgressPort } from '../../src/ui/ports.ts';

const catalog = loadCatalog();
const levels = allLevels(catalog);

function progressWith(stars: Record<string, number>): ProgressPort {
  return {
    stars: (id) => stars[id] ?? 0,
    last: () => undefined,
    record() {},
    exportCode: () => '',
    importCode: () => false,
    reset() {},
    saving: true,
    recovered: false,
  };
}

const guide = (stars: Record<string, number> = {}) => guideScreen(catalog, progressWith(stars), () => {});

describe('the field guide', () => {
  it('has a card for every pattern in the registry, by its name, with its words', () => {
    const cards = [...guide().querySelectorAll<HTMLElement>('.definition[data-pattern]')];
    expect(cards.map((c) => c.dataset.pattern)).toEqual([...patternNames]);
    for (const card of cards) {
      const pattern = card.dataset.pattern as PatternName;
      expect(card.querySelector('dt')?.textContent).toBe(en.patterns[pattern]);
      expect(card.querySelector('dd')?.textContent).toBe(en.guide.patterns[pattern]);
    }
  });

  it('shows no rule before its level is passed with three stars, only the level to play', () => {
    const page = guide({ [levels[0].id]: 2 });
    const text = page.textContent ?? '';
    for (const level of levels) expect(text, level.id).not.toContain(en.rules[level.rule].text);
    expect(page.querySelectorAll('.rule-card.learned')).toHaveLength(0);
    expect(page.querySelectorAll('.rule-answer')).toHaveLength(0);
    const first = page.querySelector(`.rule-card[data-rule="${levels[0].rule}"]`)!;
    expect(first.querySelector('.rule-hidden')?.textContent).toBe(en.guide.hidden);
    expect(first.querySelector('button')?.textContent).toBe(`Play “${levels[0].text.en.title}”`);
  });

  it('shows a rule and the patterns that fit it once its level is passed', () => {
    const ai = levels.find((l) => l.id === 'ai-answer')!;
    const card = guide({ [ai.id]: 3 }).querySelector(`.rule-card[data-rule="${ai.rule}"]`)!;
    expect(card.classList.contains('learned')).toBe(true);
    expect(card.textContent).toContain(en.rules[ai.rule].text);
    expect(card.querySelector('.rule-answer')?.textContent).toBe(`Fits: ${en.patterns.websocket} or ${en.patterns.sse}`);
  });

  it('groups the rules by chapter, under the chapters’ own names', () => {
    const headings = [...guide().querySelectorAll('.rule-group h3')].map((h) => h.textContent);
    expect(headings).toEqual(catalog.chapters.map((c) => c.title.en));
  });
});

describe('the patterns a rule card names', () => {
  for (const level of levels) {
    it(`${level.id}: every pattern that passes the level, and no other`, () => {
      const passing = Object.entries(level.expected ?? {})
        .filter(([, runs]) => runs.some((r) => r.passed))
        .map(([pattern]) => pattern)
        .sort();
      expect([...ruleFits[level.rule]].sort()).toEqual(passing);
    });
  }
});
