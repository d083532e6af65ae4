// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { followAddress } from '../../src/app/address.ts';
import { asRoute, eventFor, routeFromSearch, searchFor, type Route } from '../../src/app/routes.ts';
import { gameMachine } from '../../src/flow/game-machine.ts';
import { catalog, level } from './helpers.ts';

describe('routes: an address for every screen', () => {
  const routes: Array<[Route, string]> = [
    [{ screen: 'title' }, ''],
    [{ screen: 'levels' }, '?screen=levels'],
    [{ screen: 'guide' }, '?screen=guide'],
    [{ screen: 'level', level: 'team-chat' }, '?level=team-chat'],
  ];

  it("writes the playground's world, and that world played on the stage, and reads them back", () => {
    expect(searchFor({ screen: 'playground', world: 'abc' }, '')).toBe('?screen=playground&world=abc');
    expect(searchFor({ screen: 'playground', world: 'abc', play: true }, '?seed=3')).toBe('?seed=3&screen=playground&world=abc&play=1');
    expect(routeFromSearch('?screen=playground&world=abc&play=1')).toEqual({ screen: 'playground', world: 'abc', play: true });
    // Nothing to play without a world.
    expect(routeFromSearch('?screen=playground&play=1')).toEqual({ screen: 'playground' });
    expect(asRoute({ screen: 'playground', world: 'abc', play: true })).toEqual({ screen: 'playground', world: 'abc', play: true });
    expect(eventFor({ screen: 'playground', world: 'abc', play: true })).toEqual({ type: 'PLAYGROUND', world: 'abc', play: true });
  });

  it.each(routes)('%j is written as "%s" and read back', (route, search) => {
    expect(searchFor(route, '')).toBe(search);
    expect(routeFromSearch(search)).toEqual(route);
  });

  it('keeps every other parameter and drops the old screen', () => {
    const search = '?embed=1&level=team-chat&seed=7&lang=en&parentOrigin=https%3A%2F%2Flms.example';
    const guide = searchFor({ screen: 'guide' }, search);
    expect(new URLSearchParams(guide).get('level')).toBeNull();
    expect(Object.fromEntries(new URLSearchParams(guide))).toEqual({ embed: '1', seed: '7', lang: 'en', parentOrigin: 'https://lms.example', screen: 'guide' });
    expect(routeFromSearch(searchFor({ screen: 'title' }, '?screen=guide&seed=2'))).toEqual({ screen: 'title' });
  });

  it('reads an unknown screen as the title screen, and a level before a screen', () => {
    expect(routeFromSearch('?screen=admin')).toEqual({ screen: 'title' });
    expect(routeFromSearch('?screen=guide&level=blog-post')).toEqual({ screen: 'level', level: 'blog-post' });
    expect(routeFromSearch('?level=%20%20')).toEqual({ screen: 'title' });
  });

  it('accepts only real routes from a history entry', () => {
    expect(asRoute({ screen: 'guide' })).toEqual({ screen: 'guide' });
    expect(asRoute({ screen: 'level', level: 'blog-post' })).toEqual({ screen: 'level', level: 'blog-post' });
    for (const bad of [null, 'guide', { screen: 'level' }, { screen: 'level', level: 3 }, { screen: 'settings' }]) expect(asRoute(bad)).toBeUndefined();
  });

  it('maps each route to the game event that shows it', () => {
    expect(routes.map(([r]) => eventFor(r))).toEqual([{ type: 'TITLE' }, { type: 'LEVELS' }, { type: 'GUIDE' }, { type: 'OPEN', id: 'team-chat' }]);
  });
});

describe('followAddress', () => {
  const start = (search: string) => {
    window.history.replaceState(null, '', `/${search}`);
    const game = createActor(gameMachine, { input: { catalog, ...(search === '?screen=guide' ? { screen: 'guide' as const } : {}) } }).start();
    return { game, stop: followAddress(game) };
  };

  it('adds a history entry for each new screen, and none for the same screen', () => {
    const { game, stop } = start('?seed=4');
    const before = window.history.length;
    game.send({ type: 'LEVELS' });
    expect(window.location.search).toBe('?seed=4&screen=levels');
    game.send({ type: 'LEVELS' });
    game.send({ type: 'GUIDE' });
    expect(window.location.search).toBe('?seed=4&screen=guide');
    expect(window.history.length).toBe(before + 2);
    expect(window.history.state).toEqual({ pushOrPoll: { screen: 'guide' } });
    stop();
    game.stop();
  });

  it('shows the screen of the history entry the browser goes back to', () => {
    const { game, stop } = start('');
    game.send({ type: 'GUIDE' });
    window.history.replaceState({ pushOrPoll: { screen: 'levels' } }, '', '/?screen=levels');
    window.dispatchEvent(new PopStateEvent('popstate', { state: window.history.state }));
    expect(game.getSnapshot().value).toBe('levels');
    // An entry with no state of ours is read from the address.
    window.history.replaceState(null, '', '/?screen=guide');
    window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
    expect(game.getSnapshot().value).toBe('guide');
    stop();
    game.stop();
  });

  it("Back from the playground's world played on the stage returns to the playground with that world", () => {
    const { game, stop } = start('');
    game.send({ type: 'PLAYGROUND', world: 'abc' });
    const before = window.history.length;
    game.send({ type: 'PLAY_WORLD', level: level('team-chat'), world: 'abc' });
    expect(window.location.search).toBe('?screen=playground&world=abc&play=1');
    expect(window.history.length, 'playing the world is a new screen').toBe(before + 1);
    window.history.replaceState({ pushOrPoll: { screen: 'playground', world: 'abc' } }, '', '/?screen=playground&world=abc');
    window.dispatchEvent(new PopStateEvent('popstate', { state: window.history.state }));
    expect(game.getSnapshot().value).toBe('playground');
    expect(game.getSnapshot().context).toMatchObject({ world: 'abc', playWorld: false });
    // Forward again: the playground opens asked to play its world.
    window.history.replaceState({ pushOrPoll: { screen: 'playground', world: 'abc', play: true } }, '', '/?screen=playground&world=abc&play=1');
    window.dispatchEvent(new PopStateEvent('popstate', { state: window.history.state }));
    expect(game.getSnapshot().context).toMatchObject({ world: 'abc', playWorld: true });
    stop();
    game.stop();
  });

  it('writes the title screen into an address whose level does not exist', () => {
    const { game, stop } = start('');
    window.history.replaceState(null, '', '/?level=gone&seed=2');
    const entries = window.history.length;
    window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
    expect(game.getSnapshot().value).toBe('title');
    expect(game.getSnapshot().context.notice).toMatch(/no level called "gone"/);
    expect(window.location.search).toBe('?seed=2');
    expect(window.history.length, 'the entry is corrected, not followed by a new one').toBe(entries);
    stop();
    game.stop();
  });
});
