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
] as const;
export type RuleId = (typeof ruleIds)[number];
