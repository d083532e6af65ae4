import { describe, expect, it } from 'vitest';
import { catalog } from './helpers.ts';

/**
 * The level list (chapter and level titles), the goals and the hints are read before the run, so they must leave the answer to the
 * player: a chapter is named for a situation, a goal says what a person or a business needs, a hint asks about
 * the world. None of them may name a pattern, or a property that only one pattern has. Each word below is
 * here for the reason it gives, and `example` is a phrase it must catch (so a broken pattern cannot pass
 * silently).
 */
const giveaways: Array<{ word: RegExp; why: string; example: string }> = [
  { word: /\bpoll/i, why: 'names polling (and long polling)', example: 'poll every minute' },
  { word: /web ?hooks?/i, why: 'names the webhook', example: 'the web hook arrives' },
  { word: /sockets?\b/i, why: 'names the WebSocket', example: 'open a WebSocket' },
  { word: /server-sent|event ?stream|eventsource|\bsse\b/i, why: 'names Server-Sent Events', example: 'an event stream' },
  { word: /plain request/i, why: 'names the plain request', example: 'one plain request' },
  { word: /direct(ly)? call|\bcall(s|ed|ing)?\b[^.]{0,20}\bdirectly/i, why: 'names the direct call', example: 'calls the mailer directly' },
  { word: /\bqueue/i, why: "the direct call's other form (a queue between two of your services)", example: 'put it in a queue' },
  { word: /\bstream/i, why: 'streaming is what an event stream does; the player should find it, not read it', example: 'stream the answer' },
  { word: /call(s|ing)? (you|your \w+) back|callback/i, why: 'a webhook is the other app calling you back', example: 'it calls your shop back' },
  { word: /endpoint|public (url|address)/i, why: 'only a webhook receiver opens an endpoint to the internet', example: 'open no endpoint' },
  { word: /subscri/i, why: 'only a webhook needs a subscription', example: 'subscribe once' },
  { word: /signature|\bhmac\b|\bsigned\b/i, why: 'only a webhook delivery carries a signature to check', example: 'check the signature' },
  { word: /handshake|\bupgrade/i, why: 'only a WebSocket opens with an HTTP upgrade handshake', example: 'the upgrade is refused' },
  { word: /\bframes?\b/i, why: "a WebSocket's messages are frames", example: 'one frame each' },
  { word: /\bping|\bpong|heartbeat|keep-?alive/i, why: 'keep-alive pings are what an open socket costs', example: 'pings every 30 s' },
  {
    word: /\b(hold|holds|held|keep|keeps|kept|leave|open)\b[^.]{0,30}\bconnections?\b|\bconnections?\b[^.]{0,20}\bopen\b/i,
    why: 'holding a connection open is what a socket or a stream does, and nothing else',
    example: 'Hold no connection open',
  },
  { word: /\b304\b|not modified|if-none-match|etag/i, why: "a conditional request's 304 is how polling saves bytes", example: '304 Not Modified' },
  { word: /\binterval/i, why: "the interval is polling's one parameter", example: 'a shorter interval' },
  { word: /\bcron\b/i, why: 'a cron job is polling on a timer', example: 'a cron job' },
  { word: /again and again|keep(s)? asking|ask(s|ing)? again/i, why: 'asking again and again is polling', example: 'asks again and again' },
  { word: /both ways|two-way|both directions/i, why: "data both ways is the WebSocket's own rule in the field guide", example: 'data flows both ways' },
  { word: /\bpush(es|ed)?\b/i, why: 'a server push is the answer of a whole family of patterns', example: 'the server pushes it' },
  { word: /\(\d+ each\)|\d+ each\b/i, why: 'a per-client budget of one or two spells out "connect once"', example: 'at most 8 requests (2 each)' },
  // Spanish: the same giveaways as Spanish-speaking developers say them (the words above that are the same in both,
  // polling, webhook, WebSocket, stream, ping, 304, ETag, intervalo, cron, push, already catch their Spanish use).
  { word: /\bsonde(o|os|a|as|an|ar|ando)\b/i, why: 'sondeo and sondear name polling', example: 'sondear cada minuto' },
  { word: /flujos? de eventos|eventos enviados (por|desde) el servidor/i, why: 'names Server-Sent Events', example: 'un flujo de eventos' },
  { word: /(petici[oó]n|solicitud|consulta) simple/i, why: 'names the plain request', example: 'una petición simple' },
  {
    word: /llamadas? directas?|\bllam\w*[^.]{0,40}\bdirectamente/i,
    why: 'names the direct call',
    example: 'llama al servicio de correo directamente',
  },
  { word: /\bcolas?\b/i, why: "the direct call's other form (a queue between two of your services)", example: 'ponerlo en una cola' },
  {
    word: /\btransmit|\bflujos?\b/i,
    why: 'streaming is what an event stream does; the player should find it, not read it',
    example: 'transmitir la respuesta',
  },
  { word: /\b(llam|avis)\w* de vuelta|devoluci[oó]n de llamada/i, why: 'a webhook is the other app calling you back', example: 'la tienda te llama de vuelta' },
  {
    word: /\bendpoints?\b|\b(url|direcci[oó]n) p[uú]blica/i,
    why: 'only a webhook receiver opens an endpoint to the internet',
    example: 'una dirección pública',
  },
  { word: /suscri/i, why: 'only a webhook needs a subscription', example: 'suscribirse una vez' },
  { word: /\bfirm(a|as|ad[oa]s?)\b/i, why: 'only a webhook delivery carries a signature to check', example: 'comprobar la firma' },
  { word: /apret[oó]n de manos|negociaci[oó]n inicial/i, why: 'only a WebSocket opens with an HTTP upgrade handshake', example: 'la negociación inicial' },
  { word: /\btramas?\b/i, why: "a WebSocket's messages are frames", example: 'una trama cada uno' },
  { word: /\blatidos?\b|\bmant\w+ viv[oa]s?\b/i, why: 'keep-alive pings are what an open socket costs', example: 'mantenerla viva con un latido' },
  {
    word: /\b(mant\w+|retien\w*|reten\w*|dej\w+|conserv\w+|abiert[oa]s?)\b[^.]{0,30}\bconexi(ón|ones)|\bconexi(ón|ones)\b[^.]{0,20}\babiert[oa]s?\b|conexi(ón|ones) persistentes?/i,
    why: 'holding a connection open is what a socket or a stream does, and nothing else',
    example: 'Sin conexión persistente',
  },
  { word: /no modificad[oa]/i, why: "a conditional request's 304 is how polling saves bytes", example: 'la respuesta no modificada' },
  {
    word: /una y otra vez|\bvolv\w* a preguntar|\bvuelv\w* a preguntar|pregunt\w* (de nuevo|otra vez)|\bsigu\w* preguntando/i,
    why: 'asking again and again is polling',
    example: 'sigue preguntando',
  },
  {
    word: /(ambos|los dos) sentidos|(ambas|las dos) direcciones|bidireccional/i,
    why: "data both ways is the WebSocket's own rule in the field guide",
    example: 'los datos van en los dos sentidos',
  },
  { word: /\bempuj/i, why: 'a server push is the answer of a whole family of patterns', example: 'el servidor lo empuja' },
  {
    word: /\d+ (cada un[oa]|por cabeza|por cliente)\b/i,
    why: 'a per-client budget of one or two spells out "connect once"',
    example: 'como mucho 8 peticiones (2 cada uno)',
  },
];

interface Text {
  where: string;
  words: string;
}

/** Every chapter title, level title, goal and hint of the game, in every language: the level list and the briefing. */
function readBeforeTheRun(): Text[] {
  const texts: Text[] = [];
  for (const chapter of catalog.chapters) {
    for (const [lang, title] of Object.entries(chapter.title)) texts.push({ where: `chapter ${chapter.id} (${lang})`, words: title });
    for (const level of chapter.levels) {
      for (const [lang, text] of Object.entries(level.text)) {
        if (!text) continue;
        texts.push({ where: `${level.id}: title (${lang})`, words: text.title });
        for (const [id, words] of Object.entries(text.goals)) texts.push({ where: `${level.id}: goal ${id} (${lang})`, words });
        text.hints.forEach((words, i) => texts.push({ where: `${level.id}: hint ${i + 1} (${lang})`, words }));
      }
    }
  }
  return texts;
}

describe('the level list, goals and hints leave the answer to the player', () => {
  it('each word of the list catches its example', () => {
    for (const { word, example } of giveaways) expect(example, String(word)).toMatch(word);
  });

  it('reads every chapter, and every title, goal and hint of every level, in every language', () => {
    const texts = readBeforeTheRun();
    expect(texts.filter((t) => t.where.startsWith('chapter') && t.where.endsWith('(en)'))).toHaveLength(catalog.chapters.length);
    expect(texts.filter((t) => t.where.endsWith('title (en)'))).toHaveLength(catalog.chapters.flatMap((c) => c.levels).length);
    expect(texts.filter((t) => t.where.includes(': hint '))).not.toHaveLength(0);
    expect(texts.filter((t) => t.where.includes(': goal '))).not.toHaveLength(0);
  });

  it('no title, goal or hint names a pattern or a property only one pattern has', () => {
    const found = readBeforeTheRun().flatMap((t) =>
      giveaways.filter((g) => g.word.test(t.words)).map((g) => `${t.where}: "${t.words}" (${String(g.word)}: ${g.why})`),
    );
    expect(found).toEqual([]);
  });
});
