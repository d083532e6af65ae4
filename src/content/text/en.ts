import type { MetricName } from '../../sim/metrics.ts';
import type { DefenceName, PatternParam } from '../pattern-registry.ts';
import type { PatternName, RuleId } from '../patterns.ts';

/** Player-facing words of the game itself (the levels carry their own). One source language. */
export const en = {
  gameTitle: 'Push or Poll',
  tagline: 'When should your app ask, and when should it be told?',
  intro:
    'Each level is a real situation. Pick how your app gets its news (polling, a webhook, a WebSocket, server-sent events, a direct call or one plain request), run it over a simulated network, and see what it cost.',
  /** The virtual clock's day ("Day 1, 09:05:03"). */
  clockDay: 'Day {day}',
  /** A run's stars as text. */
  stars: '{stars} of 3 stars',
  /** A goal's target. */
  atMost: 'at most {target}',
  atLeast: 'at least {target}',
  /** The last joint of a list: "A, B and C", "A, B or C". */
  and: 'and',
  or: 'or',
  /** The screens' words: buttons, headings, captions and notices (src/ui). */
  ui: {
    logOutcomes: {
      lost: ' (lost on the way)',
      unchanged: ' (nothing new)',
      refused: ' (refused)',
      'rate-limited': ' (too many requests)',
      error: ' (error)',
      failed: ' (failed)',
    },
    logWebhook: 'webhook {label}',
    attempt: ', attempt {n}',
    logOpensSocket: 'opens a WebSocket: {label}',
    logFrame: 'WebSocket frame: {body}',
    logStreamed: 'event streamed: {body}',
    logOpens: '{actor} opens. {label}',
    logAfter: ' ({delay} after it happened)',
    logHidden: ' (recorded, not shown: a newer one is on screen)',
    logDefence: '{actor}, defence: {label}',
    kinds: {
      request: 'Request',
      response: 'Answer',
      webhook: 'Webhook delivery',
      handshake: 'WebSocket handshake',
      frame: 'WebSocket frame',
      chunk: 'Event-stream chunk',
    },
    outcomes: {
      unchanged: ': nothing new',
      error: ': an error',
      'rate-limited': ': too many requests',
      refused: 'refused: nothing there takes it',
      lost: 'lost on the way',
      failed: ': failed',
    },
    arrivedLater: 'arrived {delay} later',
    inspector: 'Message inspector',
    inspectorHelp: 'Pick a message to see what it carried: click it on the stage, or select a line of the message log and move with the arrow keys.',
    inspectedRoute: '{from} → {to}, sent {clock}, {arrival}; {size} on the wire.',
    asOnWire: 'As on the wire',
    controlFrame:
      "A control frame of the WebSocket protocol (a ping, or the pong that answers it): a few bytes of framing and no data. The browser answers a ping by itself; the page's code never sees either.",
    nothingCrossed: 'Nothing crossed the wire: the connection was refused before a byte of the message was sent.',
    whatCarried: 'What it carried',
    emptyFrame: 'An empty frame.',
    noBody: 'No body.',
    perSecondRequests: 'Requests a second',
    perSecondMessages: 'Messages a second, both ways',
    perSecondBytes: 'Bytes a second',
    busiestRequests: 'Requests in the busiest second',
    busiestReconnects: 'Reconnections in the busiest second',
    heldAtOnce: 'Connections held open at once',
    busiestPushes: 'Pushes sent in the busiest second (fan-out)',
    scaleCaption: 'Measured with the {clients} simulated clients; extrapolated to {audience} (× {factor}), not simulated.',
    atServer: 'At the server',
    measuredCol: 'Measured ({clients})',
    extrapolatedCol: 'Extrapolated ({audience})',
    embed: 'Embed',
    embedThisLevel: ' this level',
    titleScreen: 'Title screen',
    gameNav: 'Game',
    levels: 'Levels',
    opening: 'Opening “{title}”…',
    openingPlayground: 'Opening the playground…',
    levelFilesBroken: [
      'One level file could not be loaded; the other levels work as usual.',
      '{count} level files could not be loaded; the other levels work as usual.',
    ],
    progressCopied: 'Your progress code is in the box and on the clipboard.',
    progressCopyRefused: 'Your progress code is in the box: copy it from there.',
    progressBadCode: 'That is not a progress code of this game. Nothing was changed.',
    forgetStars: 'Forget every star? ',
    yesReset: 'Yes, reset',
    keepIt: 'Keep it',
    yourProgress: 'Your progress',
    progressHelp: 'Progress is kept in this browser, per site. To take it elsewhere, copy its code and load it there.',
    progressCode: 'Progress code',
    copyProgressCode: 'Copy progress code',
    loadProgressCode: 'Load progress code',
    resetProgress: 'Reset progress',
    campaignComplete:
      'Campaign complete: all {count} levels at three stars. Replay any of them with the patterns you did not try, and compare what each one measured.',
    play: 'Play “{title}”',
    progressRecovered: 'Your saved progress could not be read, so the game started it afresh. The old value is kept aside in this browser.',
    nextUp: 'Next up',
    notSaving: 'This browser does not let the game store anything here, so progress lasts until the page closes.',
    briefing: 'Briefing',
    yourGoals: 'Your goals',
    needHint: 'Need a hint?',
    choosePattern: 'Choose a pattern',
    pickPattern: 'Pick a pattern',
    pickHelp: 'How should your app hear about changes? Pick one, then run it.',
    runStopped: 'The run stopped: {error}',
    lastRunShown: 'The stage and the log still show your last run ({run}); Run starts a new one.',
    patternsGroup: 'Patterns',
    yourGuess: 'Your guess',
    run: 'Run',
    backToBriefing: 'Back to the briefing',
    workingHelp: 'Working out the run: every message, as the code sends it. It plays in a moment.',
    pausedHelp: 'Paused. Step moves to the next message on the wire, Step back to the one before; or drag the timeline.',
    playingHelp: 'Quiet stretches with nothing on the wire pass quickly; messages, and the moments that decide the goals, play slowly.',
    running: 'Running: {pattern}',
    workingOut: 'Working out the run',
    runControls: 'Run controls',
    skipToEnd: 'Skip to end',
    stop: 'Stop',
    measuredSoFar: 'Measured so far',
    timeline: 'Timeline',
    speed: 'Speed',
    playback: 'Playback',
    stepBackTitle: 'Back to the message before',
    stepBack: 'Step back',
    stepTitle: 'On to the next message',
    step: 'Step',
    timelineValue: '{clock}, {now} of {end}',
    changesLearnedAll: 'Changes learned by every client',
    changesLearned: 'Changes learned',
    noneYet: 'none yet',
    knownSoFar: '{known} of {events} so far',
    replaySideBySide: 'Replay side by side',
    seeBeside: 'See it beside another pattern: ',
    seeBesideWhy: 'the same world and seed, both on one timeline.',
    compareWith: 'Compare with {pattern}',
    nothingYet: 'nothing yet',
    sees: 'Sees',
    yourAppKnows: 'Your app knows',
    actually: 'Actually',
    runsCompared: 'Your runs compared. {runs}.',
    chartGoal: '{metric} (goal {sign} {target})',
    chartRun: '{pattern} run {n}: {metric} {value}, {met}',
    logTrimmed: 'Showing the last {shown} of {count} lines.',
    yourRuns: 'Your runs in this level',
    patternCol: 'Pattern',
    starsCol: 'Stars',
    atStartCounts: '; the data needed at the start counts as one',
    nothingChanged: 'nothing changed in this run',
    missedChanges: ['missed {lost} of {events} change{atStart} (goal: {target})', 'missed {lost} of {events} changes{atStart} (goal: {target})'],
    notThrough: '{count} did not go through (goal: {target})',
    neverLearned: ' ({count} never learned: they count until the run ended)',
    measuredGoal: 'measured {measured}{never}, goal {target}',
    yourGuessIs: 'Your guess: ',
    guessMeasured: '{guess}; measured: {measured}.',
    under1: 'under 1%',
    both: 'Both {patterns}',
    loading: 'Loading…',
    codeThatRan: 'The code that ran ({pattern})',
    wiring: 'How the game drives it: its XState wiring',
    debrief: 'Debrief',
    met: 'Met: ',
    missed: 'Missed: ',
    whatMeasured: 'What was measured',
    runsSideBySide: 'Your runs side by side',
    logScale: 'Log scale; the dashed line is the goal.',
    runsTable: 'Your runs in this level, a table that may scroll sideways',
    whyOthers: 'Why the others fit or not',
    fieldGuideSays: 'The field guide: ',
    hint: 'Hint: ',
    retry: 'Retry',
    nextLevel: 'Next level',
    backToLevels: 'Back to levels',
  },
  patterns: {
    polling: 'Polling',
    webhook: 'Webhook',
    websocket: 'WebSocket',
    'plain-request': 'Plain request',
    sse: 'Server-Sent Events',
    'direct-call': 'Direct call or queue',
    'long-polling': 'Long polling',
  } satisfies Record<PatternName, string>,
  patternBlurbs: {
    polling: 'Ask the server again and again: "anything new?"',
    webhook: 'Give the server your URL; it calls you when something happens.',
    websocket: 'Hold one connection open; the server pushes over it at once.',
    'plain-request': 'Ask once, when you need it.',
    sse: 'One request whose answer keeps streaming, event by event.',
    'direct-call': 'Both sides are yours: one service calls the other itself.',
    'long-polling': 'Ask, and the server holds the question until there is news; then ask again.',
  } satisfies Record<PatternName, string>,
  /** How the stars are counted (src/content/goals.ts, verdictOf and missedFar). */
  starsRule:
    'Three stars when every goal is met. Otherwise the point of the level decides. Missed: one star if every other goal was met, else none. Met: two stars if at least half of the other goals were met too and none was missed far, else one. A goal is missed far when the run measured more than twice what it allows (any at all, where it allows none) or less than half of what it asks. A run whose app learned of none of the changes earns no star.',
  /** The debrief's fold that holds starsRule. */
  starsRuleSummary: 'How the stars are counted',
  /** Under the briefing's goals. */
  pointNote:
    'Every goal met earns three stars. Missing the goal marked “The point”, or missing another by more than twice what it allows, leaves one star at most.',
  /** The debrief's words about the verdict, the better fit and the player's guess. */
  debrief: {
    passed: 'Every goal met.',
    pointMet: 'The point of this level was met; not every other goal was.',
    pointMissed: 'The point of this level was missed, and another goal with it: no star.',
    learnedNothing: 'Your app learned of none of the changes: no star.',
    pointMissedAlone: 'The point of this level was missed: one star, though every other goal was met.',
    pointMetFar: 'The point of this level was met, but another goal was missed far: one star.',
    pointTag: 'The point',
    farTag: 'Missed far',
    /** After a goal missed far: how far, when its target is not none (`{times}` is measured ÷ target). */
    farTimes: '{times} times what it allows',
    farHalf: 'less than half of what it asks',
    betterFit: 'Better fit: {pattern}.',
    equalFit: 'Equal fit: {patterns}.',
    /** `{threshold}` is best-fit.ts's MEANINGFUL_SHARE as a percentage; `{difference}` how far apart the two measured. */
    fitWhy:
      '{patterns} met every goal in your runs; this level tells them apart by “{metric}”, the less the better: {measured}. {pattern} measured {difference} less.',
    fitCloseWhy:
      '{patterns} met every goal in your runs; by “{metric}”, the measurement this level tells them apart by, they measured {measured}: {difference} apart, less than the {threshold} it takes to call one the better fit.',
    fitSameWhy:
      '{patterns} met every goal in your runs, and by “{metric}”, the measurement this level tells them apart by, they measured the same: {measured}.',
    fitIfAnother:
      'If another pattern also meets every goal here, the better fit is the one that measures at least {threshold} less “{metric}”; closer than that, both fit equally.',
    guessExact: 'Exact!',
    guessClose: 'Close!',
    guessLow: 'More than you thought.',
    guessHigh: 'Fewer than you thought.',
  },
  /** A tunable parameter's label, and how its value reads (`{value}` is the number in its unit). */
  patternParams: {
    intervalMs: { label: 'Polling interval', value: 'every {value}' },
  } satisfies Record<PatternParam, { label: string; value: string }>,
  /**
   * A defence as the player turns it on or off where a level offers it: what it does (`label`), its name in a
   * run's title (`short`), and what it costs (`cost`). They say what the code does, never which fault it is for.
   */
  defences: {
    verify: {
      label: 'Verify each delivery’s signature and timestamp',
      short: 'verify',
      cost: 'An HMAC per delivery, a secret to keep safe, and clocks that agree within 5 minutes.',
    },
    dedupe: { label: 'Act on each delivery id once', short: 'dedupe', cost: 'Remember the ids already handled, for as long as retries can come.' },
    ordered: {
      label: 'Ignore a status older than the one already shown',
      short: 'order by version',
      cost: 'Keep the latest version of each resource, and trust the sender’s version numbers.',
    },
    reconcile: {
      label: 'Also ask the provider’s API every hour',
      short: 'reconcile',
      cost: 'A request an hour for each resource, even when nothing was missed.',
    },
    heartbeat: {
      label: 'Heartbeat: ping every 25 s, reconnect when no pong comes',
      short: 'heartbeat',
      cost: 'A ping and a pong every 25 s on every open connection.',
    },
    jitter: {
      label: 'Reconnect after a random wait under a doubling cap',
      short: 'jitter',
      cost: 'A client may wait up to its cap before it is back.',
    },
    conflate: {
      label: 'Send a connection that is behind only the latest value',
      short: 'latest only',
      cost: 'A slow viewer skips values that were already out of date.',
    },
    resume: {
      label: 'Reconnect with Last-Event-ID: resume where it broke',
      short: 'resume',
      cost: 'The server keeps recent events to send again.',
    },
    spread: {
      label: 'Start polling at a random point of the first interval',
      short: 'spread',
      cost: 'Nothing in requests: the same number, each client at its own moments instead of the clock’s round times.',
    },
  } satisfies Record<DefenceName, { label: string; short: string; cost: string }>,
  /** Above the defences on the choice screen, and before what each costs. */
  defencesHeading: 'Defences in your code',
  /** Under a run's name in the debrief's table: what each defence that was on caught, or that it was on. */
  caughtCount: '{defence} caught {count}',
  defenceWasOn: '{defence} on',
  /** The caption of the runs table where a level offers defences: the runs met the same world. */
  runsOnSeed: 'Your runs in this level, all on seed {seeds}: the same world each time',
  defenceCost: 'Costs:',
  /** A run's defences in its title: each offered one, on or off. */
  defenceOn: 'with {defence}',
  defenceOff: 'without {defence}',
  /** The playground: a world of the learner's own, run through every pattern that can work in it. */
  playground: {
    title: 'Playground',
    intro:
      'Set up a situation of your own. Every pattern that can work in it runs on the same seed, and their measurements stand side by side: which one fits, and what it costs at your scale.',
    side: {
      legend: 'Who is on the other side',
      'third-party': "Another company's API (your app is a server with a public address)",
      'own-service': 'A service of your own, inside your own network',
      browsers: "Your app runs in users' browsers (no public address)",
      script: 'Your app is a script that runs now and then',
    },
    changes: {
      legend: 'How often something changes',
      every: 'About every',
      rhythm: 'Rhythm',
      steady: 'Steadily',
      random: 'At unpredictable moments',
      bursts: 'In bursts of five',
    },
    clients: { legend: 'How many clients watch', label: 'Clients (1 to 1,000,000; a few are simulated, the rest scaled)' },
    flow: { legend: 'Which way data flows', down: 'Down: changes reach the clients', up: 'Up: users send (a form)', both: 'Both ways' },
    offers: {
      legend: 'What the source offers',
      conditionalRequests: 'Conditional requests (ETag, 304)',
      webhooks: 'Webhooks',
      websocket: 'WebSocket connections',
    },
    network: { legend: 'The network', latency: 'One-way latency', loss: 'Segments lost (%)', idle: 'Proxy idle timeout (empty: none)' },
    goals: {
      legend: 'What must hold',
      fresh: 'Known within (empty: no limit)',
      requests: 'At most this many requests (empty: no limit)',
      held: 'At most this much connection time, summed (empty: no limit)',
      lost: 'No change may be lost',
    },
    run: 'Run every pattern',
    working: 'Working out {pattern} ({done} of {total})…',
    worked: 'Every pattern ran on seed {seed}: {patterns}.',
    invalid: 'This world cannot run as it is:',
    fromAddress: 'The world in the address could not be read, so the playground starts from its defaults:',
    tooLarge:
      'This world is large to simulate here (about {changes} changes for each of {clients} simulated clients). A scaled-down version changes every {every} instead: its measurements scale to yours the same way.',
    scaleDown: 'Use the scaled-down version',
    resultsHeading: 'Every pattern, same seed',
    goalsMet: 'Goals met',
    fits: 'Met every goal: {patterns}.',
    noneFits: 'No pattern met every goal in this world: loosen a goal, or change what the source offers.',
    /** After the better or equal fit: the measurement it goes by. */
    fitBy: 'By {metric}: {measured}.',
    pollingNote:
      'Polling asks every {interval}: half the freshness asked for, or else the pace of the changes, kept between 1 s and 1 h. Each run covers {span} with {simulated} simulated.',
    play: 'Play this world on the stage: pick a pattern and watch it',
    costHeading: 'Cost at your scale (an estimate)',
    costNote:
      'Each run scaled to a 30-day month and to {clients} ({factor} times what was simulated), priced per unit below: requests and long polls as HTTP requests, WebSocket frames and event-stream events alike as messages over a held connection, and every minute a connection is held. Prices: {source}. A server of your own bills none of these by the unit (you pay for machines and bandwidth): change the prices to your provider’s.',
    perMillionRequests: 'US$ per million requests',
    perMillionMessages: 'US$ per million messages over a held connection',
    perMillionConnectionMinutes: 'US$ per million connection-minutes',
    perMonth: 'US$ a month (estimate)',
    share: 'Copy a link to this world',
    copied: 'The link is on the clipboard.',
    copyRefused: 'The link is in the box: copy it from there.',
    save: 'Save as a level file',
    saveNote:
      'For course authors: the file is a level (format 2) that npm run levels:check accepts; put it in a chapter folder of levels/ and list it in levels/index.json.',
    peakNote: '{metric}, for the {simulated} simulated',
    /** A value the playground refuses, next to its field. */
    fieldProblem: 'Must be {expected} (you gave {got}).',
  },
  guide: {
    title: 'Field guide',
    intro:
      'Every way the game offers for an app to get its news, then the rules it teaches, by chapter. A rule is shown once you pass its level with three stars: work it out in play first.',
    patternsHeading: 'The patterns',
    /** One card for every pattern in the registry: what it is and what it costs, never when it wins. */
    patterns: {
      polling:
        'Your app asks the server "anything new?" on a timer. Every ask costs a request and an answer whether or not anything changed, and news waits for the next ask: the interval trades freshness for traffic.',
      webhook:
        "The other app makes an HTTP request to a URL you gave it when something happens, signed so that you can tell it is really from them. Nothing crosses the wire in between, but your side must be reachable from the internet, and running, when the call comes. It may deliver the same event more than once (at least once), so you act on each delivery's id once.",
      websocket:
        'One connection, opened with an HTTP upgrade and then held open, that carries messages in both directions: the server sends the moment it has something, and the browser can send too. It costs a handshake, and pings to keep it alive for as long as it is open.',
      'plain-request': 'Your app asks once, when it needs the data: one request, one answer. What changes afterwards it does not hear of until it asks again.',
      sse: 'One HTTP request whose answer does not end: the server writes each event into it as it happens. Events flow one way, from the server to the browser; the browser sends with ordinary requests.',
      'direct-call':
        'When both sides are yours, one service calls the other itself, or puts the work on a queue between them, over your own network: nothing public, nothing to subscribe to.',
      'long-polling':
        'Polling where the server holds each question until it has news (or a timeout passes), and the client asks again at once. News arrives within one trip, over plain HTTP, at the cost of a request and an answer for every piece of news, and a question always waiting.',
    } satisfies Record<PatternName, string>,
    rulesHeading: 'The rules, by chapter',
    fits: 'Fits: {patterns}',
    learned: 'Learned',
    notYet: 'Not yet learned',
    hidden: 'Pass its level with three stars to see this rule.',
    untaught: 'Rules no level teaches yet',
    noLevel: 'No level teaches this yet.',
  },
  /** The field guide's rules, shown once their level is passed; which patterns fit each is in patterns.ts. */
  rules: {
    'intro-package': {
      text: 'When something you wait for happens in another app, let that app tell you, the way a carrier texts you when your package arrives, instead of refreshing the tracking page all day.',
    },
    'wh-happened': { text: 'To learn that something happened in another app (paid, shipped, merged), let that app tell you.' },
    'wh-realtime': {
      text: 'To react in real time (a welcome e-mail at sign-up, stock taken at order), have the other service call you the moment it happens, not on a 5-minute delay.',
    },
    'wh-third-party': {
      text: 'To connect to a third-party service such as Stripe, GitHub, Shopify or Twilio, take its webhooks: they are how such a service tells you what happened.',
    },
    'ws-instant': {
      text: 'For instant updates (chat, live dashboards, collaborative editing), where a 3-second delay is too slow, keep a WebSocket open and let the server send each change down it at once.',
    },
    'ws-two-way': { text: 'When data flows both ways (multiplayer games, live auctions), one WebSocket per player carries it up and down as it happens.' },
    'ws-ai-stream': {
      text: 'To stream an AI answer token by token, keep one connection open that the server writes each token into: a WebSocket, or server-sent events.',
    },
    'ws-many-viewers': {
      text: 'When many users see the same live data (tickers, scores, whiteboards), let the server send each change down one open connection per viewer: a WebSocket, or server-sent events.',
    },
    'wh-avoid-once': { text: 'When you only need the data once, a webhook is the wrong tool: make a request.' },
    'wh-avoid-both-sides': {
      text: 'When you control both systems, no webhook is needed: let one call the other directly, or use a queue or a database trigger.',
    },
    'wh-avoid-tiny-script': { text: 'A tiny script that runs now and then is not there when a webhook arrives: let it poll occasionally.' },
    'ws-avoid-page-once': { text: 'A page that loads once (a profile, a blog post, search results) needs no WebSocket: one request does it.' },
    'ws-avoid-rare': { text: 'When updates are rare (hourly, daily), a WebSocket is held open for nothing: poll now and then, or take a webhook.' },
    'ws-avoid-form': { text: 'A simple form submission (contact, sign-up, checkout) needs no WebSocket: one POST.' },
    'ws-silent-herd': {
      text: 'A WebSocket can die without a word (a NAT forgets a quiet connection): ping it, and reconnect when no pong comes. After a deploy drops every socket, reconnect after a random wait, or all your users come back in the same second.',
    },
    'sse-resume': {
      text: 'A streamed answer can break in the middle: give each event an id and resume with Last-Event-ID (or catch up from the last version), so the page picks up where it broke instead of starting over.',
    },
    'poll-spread': {
      text: 'Clients that all poll at the same round times hit the server all at once: start each at a random point of its interval, and the same requests come spread out.',
    },
    'ws-conflate': {
      text: 'When only the latest value matters (a price, a position), send a viewer who is behind only the latest one: its link never falls minutes behind and the server buffers one message, not thousands.',
    },
    'wh-dedupe': {
      text: 'Webhook delivery is at least once: a delivery whose answer got lost comes again with the same id. Act on each delivery id once, so an order ships once and a card is charged once.',
    },
    'wh-verify': {
      text: "A webhook's address is open to anyone on the internet: trust only a delivery whose signature verifies with your secret and whose timestamp is recent, so a forged or replayed one is refused.",
    },
    'wh-ordered': {
      text: 'Webhook deliveries can arrive out of order: a retry may come after a newer change. Keep the version you have shown and ignore an older one.',
    },
    'wh-reconcile': {
      text: "A sender's retries end: a receiver down longer than they last misses changes for good. Ask the provider's API now and then to reconcile, as payment providers advise.",
    },
  } satisfies Record<RuleId, { text: string }>,
  metrics: {
    /** Only what your app sent: a call into your app (a webhook delivery, a direct call) is not one of them. */
    requests: 'Requests your app sent',
    emptyResponses: 'Answers with nothing new',
    messages: 'Messages on the wire',
    messagesPerChange: 'Messages per change',
    bytes: 'Bytes on the wire',
    retransmits: 'Segments sent again after a loss',
    connectionMs: 'Connections held open (time, summed)',
    connectionPerChangeMs: 'Connection time held per change',
    peakConnections: 'Connections open at once (most)',
    bytesPerChange: 'Bytes on the wire per change',
    frames: 'WebSocket frames',
    chunks: 'Event-stream chunks',
    deliveries: 'Webhook deliveries',
    failedDeliveries: 'Failed deliveries',
    retriedDeliveries: 'Retried deliveries',
    events: 'Changes in the world',
    lostEvents: 'Changes never learned',
    stalenessP50Ms: 'Delay to learn a change (median)',
    stalenessMaxMs: 'Delay to learn a change (worst)',
    latestStalenessMaxMs: 'Delay to show the latest value (worst)',
    peakServerRps: 'Peak load on a server (per second)',
    peakRequestsPerSecond: 'Peak requests at a server (per second)',
    peakPushesPerSecond: 'Peak pushes from a server (per second): its fan-out',
    reconnects: 'Reconnections',
    peakReconnectsPerSecond: 'Peak reconnections at a server (per second)',
    refused: 'Refused (nobody there, or not offered)',
    errors: 'Error answers',
    firstByteMs: 'Wait for the first of the answer (worst)',
    failedSubmissions: "Users' actions that did not go through",
    publicEndpoints: 'Endpoints open to the internet',
    durationMs: 'Simulated time',
    duplicateActions: 'Acted twice on one change',
    falseActions: 'Acted on a change that never happened',
    staleShown: 'Showed an older state after a newer one',
    peakBufferBytes: 'Bytes waiting at a server for one slow client (most)',
  } satisfies Record<MetricName, string>,
  /** What a screen reader hears, and the names of controls that change with their state. */
  a11y: {
    logName: 'Message log',
    logHelp: 'Arrow keys pick a message to inspect',
    /** The play/pause toggle under the stage, by what it will do. */
    pause: 'Pause',
    resume: 'Resume',
    /** The decisive moments of a run (src/flow/moments.ts), announced as the playback passes them. */
    moments: {
      change: 'Changed at {actor}: {label}',
      learned: '{actor} now knows: {label}',
      lost: 'Lost on the way from {actor}: {label}',
      refused: 'Refused at {actor}: {label}',
      'rate-limited': 'Too many requests, {actor} was told: {label}',
      'turned-down': 'Turned down at {actor}: {label}',
      failed: 'Failed at {actor}: {label}',
      caught: "{actor}'s defence: {label}",
      misstep: '{actor} acted wrongly: {label}',
    },
    moreMoments: 'and {count} more',
    /** The running count, every few seconds while a run plays. */
    count: '{clock}: {messages} on the wire so far, {known} of {changes} changes learned.',
    countNoChanges: '{clock}: {messages} on the wire so far.',
    messages: ['{count} message', '{count} messages'],
    /** Paused, a step or a move of the timeline is said as the log's newest line. */
    stepped: '{clock}: {line}',
    /** The stage's text equivalent (it is drawn on a canvas). */
    stageAtRest: 'The network of {title}: {actors}. No run yet.',
    stageRun: 'The network of {title}: {actors}. At {clock} of {end}: {messages} sent, {inFlight} on the wire now; {known} of {changes} changes learned.',
    stageLast: 'Last: {moment}.',
    /** The progress box, drawn again after a reset or a load. */
    progressReset: 'Your progress was reset: no level has a star.',
    progressLoaded: 'Your progress was loaded from the code.',
    /** A goal's target, in the debrief's table of runs. */
    goalAtMost: 'goal ≤ {target}',
    goalAtLeast: 'goal ≥ {target}',
    met: 'met',
    missed: 'missed',
  },
};

export type GameText = typeof en;
