import { afterAll, describe, expect, it } from 'vitest';
import { speakLevel, traceWords } from '../../src/content/trace-words.ts';
import { setLanguage } from '../../src/content/text/index.ts';
import { traceFingerprint } from '../../src/sim/trace.ts';
import { level, levels, run } from './helpers.ts';

/**
 * A run does not depend on the language the player reads: it is worked out in the level's English, so the trace, the
 * bytes and the verdict are those of `npm run simulate`; the ui says the level's words in the player's language.
 */
afterAll(async () => {
  speakLevel(undefined);
  await setLanguage('en');
});

describe('a run in another language', () => {
  it('is the same run, message for message, on every level with every pattern', async () => {
    const english = new Map<string, string>();
    await setLanguage('en');
    for (const l of levels) for (const p of l.patterns.offered) english.set(`${l.id} ${p}`, traceFingerprint((await run(l, p)).trace));
    await setLanguage('es');
    for (const l of levels)
      for (const p of l.patterns.offered) expect(traceFingerprint((await run(l, p)).trace), `${l.id} ${p}`).toBe(english.get(`${l.id} ${p}`));
  });

  it("says the level's statuses, who acts and a resource's change in the player's language", async () => {
    await setLanguage('es');
    const auction = level('live-auction');
    speakLevel(auction);
    const en = auction.text.en;
    const es = auction.text.es!;
    const bid = en.statuses['bid-no']!.replace('{v}', '3').replace('{by}', en.people!.omar ?? Object.values(en.people!)[0]!);
    const said = traceWords(bid);
    expect(said).not.toBe(bid);
    expect(said.startsWith(es.statuses['bid-no']!.split('{')[0]!)).toBe(true);
    expect(traceWords(`${Object.values(en.people!)[0]} ${en.act}`)).toBe(`${Object.values(es.people!)[0]} ${es.act}`);
    const payment = level('slow-monday');
    speakLevel(payment);
    const [key, words] = Object.entries(payment.text.en.statuses)[1]!;
    expect(traceWords(`ord_2: ${words}`)).toBe(`ord_2: ${payment.text.es!.statuses[key]}`);
    // In English, and for no level, nothing is said otherwise.
    speakLevel(undefined);
    expect(traceWords(`ord_2: ${words}`)).toBe(`ord_2: ${words}`);
  });
});
