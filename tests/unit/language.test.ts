import { afterEach, describe, expect, it } from 'vitest';
import { chapterTitle, formatMetric, levelText, levelTitle, listWords, starsText } from '../../src/content/present.ts';
import { en } from '../../src/content/text/en.ts';
import { es } from '../../src/content/text/es.ts';
import { isLanguage, language, languageName, languages, setLanguage, words } from '../../src/content/text/index.ts';
import { formatBytes, formatClock, formatDuration } from '../../src/sim/format.ts';
import { traceWords } from '../../src/content/trace-words.ts';
import { chooseLanguage } from '../../src/app/language.ts';
import { createPreferences } from '../../src/app/preferences.ts';
import { memoryStore } from '../../src/app/storage.ts';
import { levels } from './helpers.ts';

describe('the current language', () => {
  afterEach(() => setLanguage('en'));

  it('is English until another is set', () => {
    expect(language()).toBe('en');
    expect(words()).toBe(en);
    expect(formatDuration(2900)).toBe('2.9 s');
  });

  it('knows English and Spanish, each named in itself', () => {
    expect(languages).toEqual(['en', 'es']);
    expect(languages.map(languageName)).toEqual(['English', 'Español']);
    expect(isLanguage('es')).toBe(true);
    expect(isLanguage('fr')).toBe(false);
    expect(isLanguage('toString')).toBe(false);
  });

  it("setLanguage('es') gives the Spanish words and the level's and chapter's Spanish words", async () => {
    await setLanguage('es');
    expect(language()).toBe('es');
    expect(words()).toEqual(es);
    expect(starsText(2)).toBe('2 de 3 estrellas');
    expect(listWords(['A', 'B', 'C'])).toBe('A, B y C');
    const level = levels[0]!;
    expect(levelText(level)).toBe(level.text.es);
    expect(levelTitle(level)).toBe(level.text.es?.title);
    expect(chapterTitle({ id: 'x', title: { en: 'Orders and payments', es: 'Pedidos y pagos' } })).toBe('Pedidos y pagos');
    // A language a chapter has no words in falls back to English.
    expect(chapterTitle({ id: 'x', title: { en: 'Only English' } })).toBe('Only English');
  });

  it("setLanguage('es') writes numbers, durations, sizes and the clock the Spanish way (a decimal comma)", async () => {
    await setLanguage('es');
    expect(formatDuration(2900)).toBe('2,9 s');
    expect(formatDuration(90_000)).toBe('1 min 30 s');
    expect(formatBytes(1536)).toBe('1,5 KB');
    expect(formatBytes(433.125)).toBe('433,1 B');
    expect(formatBytes(86)).toBe('86 B');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3,00 MB');
    expect(formatClock(86_400_000 + 3_723_000)).toBe('Día 2, 01:02:03');
    expect(formatMetric('requests', 12_345)).toBe('12.345');
    await setLanguage('en');
    expect(formatDuration(2900)).toBe('2.9 s');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatClock(3_723_000)).toBe('Day 1, 01:02:03');
    expect(formatMetric('requests', 12_345)).toBe('12,345');
  });
});

describe("the trace's labels, written in English by the network and the patterns' code", () => {
  afterEach(() => setLanguage('en'));

  it('are shown in the current language where they match a known label, placeholders and all, and as they are otherwise', async () => {
    expect(traceWords('Opened a public endpoint: https://shop.example/hooks')).toBe('Opened a public endpoint: https://shop.example/hooks');
    await setLanguage('es');
    expect(traceWords('Opened a public endpoint: https://shop.example/hooks')).toBe('Abrió un endpoint público: https://shop.example/hooks');
    expect(traceWords('The server restarts: every open connection drops')).toBe('El servidor se reinicia: se cae cada conexión abierta');
    expect(traceWords('The socket closed (code 1006); reconnecting after a random wait')).toBe(
      'El socket se cerró (código 1006); reconectando tras una espera aleatoria',
    );
    expect(traceWords('GET /v1/orders/42')).toBe('GET /v1/orders/42');
  });

  it("say what your app acted on, the second time as such, and an error inside another label in the player's language", async () => {
    await setLanguage('es');
    expect(traceWords('acts on: Entregado')).toBe('actúa ante «Entregado»');
    expect(traceWords('acts on: ord_1: Pago completado, again (2 times for this one change)')).toBe(
      'actúa ante «ord_1: Pago completado», otra vez (2 veces por este mismo cambio)',
    );
    expect(traceWords("The answer's stream broke (network error: the connection dropped (reset)); resuming after event 15")).toBe(
      'El flujo de la respuesta se cortó (error de red: la conexión se cayó (reset)); se reanuda después del evento 15',
    );
  });
});

describe('choosing the language', () => {
  it('takes the address first, then the last choice, then the first browser language the game speaks, then English', () => {
    expect(chooseLanguage('en', 'es', ['es-ES'])).toBe('en');
    expect(chooseLanguage(undefined, 'es', ['en-GB'])).toBe('es');
    expect(chooseLanguage(undefined, undefined, ['fr-FR', 'es-MX', 'en'])).toBe('es');
    expect(chooseLanguage(undefined, undefined, ['fr', 'de'])).toBe('en');
    expect(chooseLanguage(undefined, undefined, [])).toBe('en');
  });

  it('remembers the choice with the speed, and ignores a saved value that is not a language of the game', () => {
    const store = memoryStore();
    const preferences = createPreferences(store);
    expect(preferences.language()).toBeUndefined();
    preferences.setLanguage('es');
    expect(createPreferences(store).language()).toBe('es');
    store.set('push-or-poll:lang', 'xx');
    expect(createPreferences(store).language()).toBeUndefined();
  });
});
