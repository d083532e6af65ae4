import { describe, expect, it } from 'vitest';
import { noticesText, packageRoot, readPackage, refusal, repositoryRoot, type BundledPackage } from '../../scripts/third-party-notices.ts';

describe('third-party notices', () => {
  const root = '/repo';

  it('finds the package a bundled module comes from', () => {
    expect(packageRoot('/repo/node_modules/phaser/dist/phaser.esm.js', root)).toBe('/repo/node_modules/phaser');
    expect(packageRoot('/repo/node_modules/@mswjs/interceptors/lib/browser/index.mjs', root)).toBe('/repo/node_modules/@mswjs/interceptors');
    expect(packageRoot('/repo/node_modules/msw/node_modules/@open-draft/until/lib/index.mjs?x=1', root)).toBe(
      '/repo/node_modules/msw/node_modules/@open-draft/until',
    );
    expect(packageRoot('\0vite/preload-helper.js', root)).toBe('/repo/node_modules/vite');
    expect(packageRoot('\0rolldown/runtime.js', root)).toBe('/repo/node_modules/rolldown');
    expect(packageRoot('/repo/src/app/mount.ts', root)).toBeUndefined();
  });

  it('reads a package: its name, version, licence and licence text', () => {
    const xstate = readPackage(`${repositoryRoot}/node_modules/xstate`);
    expect(xstate).toMatchObject({ name: 'xstate', license: 'MIT' });
    expect(xstate.text).toMatch(/Permission is hereby granted/);
  });

  it('lets through the permissive licences only, and names what it stops', () => {
    const p = (license: string): BundledPackage => ({ name: 'left-pad', version: '1.0.0', license, text: undefined });
    expect(refusal(p('MIT'))).toBeUndefined();
    expect(refusal(p('(MIT OR GPL-3.0)'))).toBeUndefined();
    expect(refusal(p('GPL-3.0-only'))).toMatch(/left-pad@1\.0\.0 is under GPL-3\.0-only, which is not among the licences accepted/);
    expect(refusal(p(''))).toBe('left-pad@1.0.0 names no licence');
  });

  it('writes every package into the notices, with its licence text or a note that it has none', () => {
    const text = noticesText('push-or-poll', [
      { name: 'a', version: '1.0.0', license: 'MIT', text: 'MIT text of a' },
      { name: 'b', version: '2.0.0', license: 'ISC', text: undefined },
    ]);
    expect(text).toMatch(/^push-or-poll bundles the following/);
    expect(text).toContain('- a 1.0.0 (MIT)\n- b 2.0.0 (ISC)');
    expect(text).toContain('MIT text of a');
    expect(text).toContain('(The package ships no licence file; its package.json names the ISC licence.)');
  });
});
