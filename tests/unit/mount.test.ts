// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mount } from '../../src/app/mount.ts';
import { optionsFromUrl } from '../../src/app/params.ts';
import { memoryStore } from '../../src/app/storage.ts';
import { readLevelFiles } from '../../src/app/cli/node-levels.ts';
import { setLanguage } from '../../src/content/text/index.ts';
import { es } from '../../src/content/text/es.ts';

const files = readLevelFiles();

function buttons(root: HTMLElement): string[] {
  return [...root.querySelectorAll('button')].map((b) => b.querySelector('.level-title')?.textContent ?? b.textContent ?? '');
}

describe('mount', () => {
  it('shows the title screen with every level by its title', () => {
    const root = document.createElement('div');
    mount(root, { store: memoryStore(), files });
    expect(root.querySelector('h1')?.textContent).toBe('Push or Poll');
    expect(buttons(root)).toContain("Where's my package?");
    expect(buttons(root)).toContain('Levels');
  });

  it('still loads the other levels when one file is malformed, and names the problem', () => {
    const root = document.createElement('div');
    const broken = {
      'orders-and-payments/wheres-my-package.json': files['orders-and-payments/wheres-my-package.json'],
      'index.json': JSON.stringify({ chapters: [{ id: 'orders-and-payments', title: { en: 'Orders and payments' }, levels: ['wheres-my-package', 'oops'] }] }),
      'orders-and-payments/oops.json': '{"schemaVersion": 1, "id": "oops", "rule": "not-a-rule"}',
    };
    mount(root, { store: memoryStore(), files: broken });
    const alert = root.querySelector('[role="alert"]')?.textContent ?? '';
    expect(alert).toMatch(/One level file could not be loaded/);
    expect(alert).toMatch(/levels\/orders-and-payments\/oops\.json: at rule: expected one of "intro-package"/);
    expect(buttons(root)).toContain("Where's my package?");
  });

  it('says a malformed file and an unknown ?level= in Spanish to a Spanish player', async () => {
    await setLanguage('es');
    try {
      const root = document.createElement('div');
      const broken = {
        'orders-and-payments/wheres-my-package.json': files['orders-and-payments/wheres-my-package.json'],
        'orders-and-payments/oops.json': '{"schemaVersion": 2, "id": "oops", "rule": "not-a-rule"}',
        'index.json': JSON.stringify({ chapters: [{ id: 'orders-and-payments', title: { en: 'Orders' }, levels: ['wheres-my-package', 'oops'] }] }),
      };
      mount(root, { ...optionsFromUrl('?level=nope'), store: memoryStore(), files: broken });
      expect(root.querySelector('[role="status"]')?.textContent).toBe(es.problems.noSuchLevel.replace('{id}', 'nope'));
      const alert = root.querySelector('[role="alert"]')?.textContent ?? '';
      expect(alert).toContain(es.ui.levelFilesBroken[0]);
      expect(alert).toMatch(/levels\/orders-and-payments\/oops\.json: en rule: se esperaba uno de estos: "intro-package"/);
    } finally {
      await setLanguage('en');
    }
  });

  it('answers an unknown ?level= with a friendly message and the level list', () => {
    const root = document.createElement('div');
    mount(root, { ...optionsFromUrl('?level=nope'), store: memoryStore(), files });
    expect(root.querySelector('[role="status"]')?.textContent).toMatch(/There is no level called "nope"/);
    expect(buttons(root)).toContain("Where's my package?");
  });

  it('says quietly that progress is not saved when storage is refused', () => {
    const root = document.createElement('div');
    const refusing = { ...memoryStore(), persistent: false };
    mount(root, { store: refusing, files });
    expect(root.textContent).toMatch(/progress lasts until the page closes/);
  });
});

describe('URL parameters', () => {
  it('reads level, seed, speed and embed', () => {
    expect(optionsFromUrl('?level=wheres-my-package&seed=42&speed=10&embed=1')).toEqual({ level: 'wheres-my-package', seed: 42, speed: 10, embed: true });
    expect(optionsFromUrl('?seed=abc&speed=3')).toEqual({ level: undefined, seed: undefined, speed: 2, embed: false });
  });

  it('reads the screen, and a parentOrigin that is an origin; anything else becomes a warning', () => {
    expect(optionsFromUrl('?screen=guide')).toMatchObject({ screen: 'guide', level: undefined });
    expect(optionsFromUrl('?screen=levels&level=blog-post')).toMatchObject({ screen: undefined, level: 'blog-post' });
    expect(optionsFromUrl('?parentOrigin=https%3A%2F%2Flms.example.edu')).toMatchObject({ parentOrigin: 'https://lms.example.edu', warnings: undefined });
    const bad = optionsFromUrl('?parentOrigin=lms.example.edu');
    expect(bad.parentOrigin).toBeUndefined();
    expect(bad.warnings).toEqual([expect.stringContaining('parentOrigin "lms.example.edu" is not an origin')]);
  });

  it('takes a language the game speaks, and warns of any other, which it ignores', () => {
    expect(optionsFromUrl('?lang=en')).toMatchObject({ lang: 'en', warnings: undefined });
    expect(optionsFromUrl('?lang=es')).toMatchObject({ lang: 'es', warnings: undefined });
    const french = optionsFromUrl('?lang=fr');
    expect(french.lang).toBeUndefined();
    expect(french.warnings).toEqual([expect.stringContaining('lang="fr" is not a language of the game, which speaks en, es')]);
  });
});
