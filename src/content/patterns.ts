import { patternNames, type PatternName } from './pattern-registry.ts';

/** The patterns a level may offer are the registry's (pattern-registry.ts); their names are exported here too. */
export { patternNames, type PatternName };

export function isPatternName(value: string): value is PatternName {
  return (patternNames as readonly string[]).includes(value);
}

/** The field guide's rules (their words are in text/en.ts, `rules`); every level teaches one. */
export const ruleIds = [
  'intro-package',
  'wh-happened',
  'wh-realtime',
  'wh-third-party',
  'ws-instant',
  'ws-two-way',
  'ws-ai-stream',
  'ws-many-viewers',
  'wh-avoid-once',
  'wh-avoid-both-sides',
  'wh-avoid-tiny-script',
  'ws-avoid-page-once',
  'ws-avoid-rare',
  'ws-avoid-form',
  'ws-silent-herd',
  'sse-resume',
  'poll-spread',
  'ws-conflate',
  'wh-dedupe',
  'wh-verify',
  'wh-ordered',
  'wh-reconcile',
] as const;
export type RuleId = (typeof ruleIds)[number];

/**
 * The patterns the field guide answers each rule with, shown on its card once the rule is learned. Where two
 * patterns pass a rule's level both are named (a test holds this against every level's measured verdicts); which
 * of them fits better is measured in the level's debrief, never written here. The game never reads this for a
 * verdict.
 */
export const ruleFits = {
  'intro-package': ['webhook'],
  'wh-happened': ['webhook'],
  'wh-realtime': ['webhook'],
  'wh-third-party': ['webhook'],
  'ws-instant': ['websocket'],
  'ws-two-way': ['websocket'],
  'ws-ai-stream': ['websocket', 'sse'],
  'ws-many-viewers': ['websocket', 'sse'],
  'wh-avoid-once': ['plain-request'],
  'wh-avoid-both-sides': ['direct-call'],
  'wh-avoid-tiny-script': ['polling'],
  'ws-avoid-page-once': ['plain-request'],
  'ws-avoid-rare': ['polling', 'webhook'],
  'ws-avoid-form': ['plain-request'],
  'ws-silent-herd': ['websocket'],
  'sse-resume': ['sse', 'websocket'],
  'poll-spread': ['polling'],
  'ws-conflate': ['websocket'],
  'wh-dedupe': ['webhook'],
  'wh-verify': ['webhook'],
  'wh-ordered': ['webhook'],
  'wh-reconcile': ['webhook'],
} as const satisfies Record<RuleId, readonly PatternName[]>;
