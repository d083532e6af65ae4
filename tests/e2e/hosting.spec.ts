import { expect, test } from './fixtures.ts';

/** "May I host it?": the built game carries its own licence and the notices of every package it bundles. */

test('the built game serves its licence and the notices of the packages it bundles', async ({ request }) => {
  const license = await request.get('/LICENSE.txt');
  expect(license.ok()).toBe(true);
  expect(await license.text()).toMatch(/^MIT License\n\nCopyright \(c\) 2026 The Push or Poll contributors/);

  const notices = await (await request.get('/THIRD-PARTY-NOTICES.txt')).text();
  const listed = [...notices.matchAll(/^- (\S+) (\S+) \((.+)\)$/gm)].map((m) => ({ name: m[1], version: m[2], license: m[3] }));
  for (const name of ['phaser', 'xstate', 'msw', '@mswjs/interceptors', 'tough-cookie']) expect(listed.map((p) => p.name)).toContain(name);
  // Each package listed has its own section with its licence.
  for (const p of listed) expect(notices).toContain(`\n${p.name} ${p.version}\nLicense: ${p.license}`);
  expect(notices, "Phaser's own licence text").toContain('Richard Davey, Phaser Studio Inc.');
});
