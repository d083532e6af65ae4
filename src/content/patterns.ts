/** The patterns a level may offer, by the names the command line and the level files use. */
export const patternNames = ['polling', 'webhook', 'websocket', 'plain-request', 'sse', 'direct-call'] as const;
export type PatternName = (typeof patternNames)[number];

export function isPatternName(value: string): value is PatternName {
  return (patternNames as readonly string[]).includes(value);
}

/** The field guide's rules (DESIGN 4); every level teaches one. */
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
