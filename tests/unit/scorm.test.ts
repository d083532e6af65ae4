// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { buildPackage, choose, manifest, packagedIndex, PackageError } from '../../scripts/package-scorm.ts';
import { loadCatalog } from '../../src/app/cli/node-levels.ts';
import { readPackageConfig, restrictCatalog } from '../../src/app/package-config.ts';
import type { ProgressData } from '../../src/app/progress.ts';
import { findApi, type Scorm12Api } from '../../src/app/scorm/api.ts';
import { Lms } from '../../src/app/scorm/lms.ts';
import { fitSuspendData, scoreOf, statusOf, SUSPEND_DATA_MAX, timespan } from '../../src/app/scorm/report.ts';
import { allLevels } from '../../src/content/catalog.ts';

const catalog = loadCatalog();

describe('what the package reports', () => {
  const data = (levels: ProgressData['levels']): ProgressData => ({ version: 2, levels });
  const lvl = (stars: number, passed: boolean) => ({ stars, passed, patterns: [], runs: 1 });

  it('scores the stars of the packaged levels out of 100, other levels aside', () => {
    expect(scoreOf(data({}), ['a', 'b'])).toBe(0);
    expect(scoreOf(data({ a: lvl(3, true), b: lvl(1, false), other: lvl(3, true) }), ['a', 'b'])).toBe(67);
    expect(scoreOf(data({ a: lvl(3, true), b: lvl(3, true) }), ['a', 'b'])).toBe(100);
  });

  it('is passed when every packaged level is passed, incomplete until then', () => {
    expect(statusOf(data({ a: lvl(3, true), b: lvl(2, false) }), ['a', 'b'])).toBe('incomplete');
    expect(statusOf(data({ a: lvl(3, true), b: lvl(2, true) }), ['a', 'b'])).toBe('passed');
  });

  it("keeps suspend_data within SCORM 1.2's 4,096 characters", () => {
    const many = Object.fromEntries(
      Array.from({ length: 60 }, (_, i) => [
        `level-with-a-long-name-${i}`,
        { ...lvl(2, false), patterns: ['polling', 'webhook', 'websocket', 'plain-request'] as never },
      ]),
    );
    const small = data({ a: lvl(3, true) });
    expect(fitSuspendData(small, ['a'])).toBe(JSON.stringify(small));
    const fitted = fitSuspendData(data(many), ['level-with-a-long-name-0']);
    expect(fitted.length).toBeLessThanOrEqual(SUSPEND_DATA_MAX);
    expect(JSON.parse(fitted).levels['level-with-a-long-name-0']).toMatchObject({ stars: 2 });
  });

  it('writes time spans as HHHH:MM:SS.SS', () => {
    expect(timespan(0)).toBe('0000:00:00.00');
    expect(timespan(3_723_450)).toBe('0001:02:03.45');
  });
});

describe("the platform's API", () => {
  const api = (overrides: Partial<Scorm12Api> = {}): Scorm12Api => ({
    LMSInitialize: () => 'true',
    LMSFinish: () => 'true',
    LMSGetValue: () => '',
    LMSSetValue: () => 'true',
    LMSCommit: () => 'true',
    LMSGetLastError: () => '0',
    LMSGetErrorString: () => 'No error',
    ...overrides,
  });

  it('is found in a parent window, or beside the window that opened this one', () => {
    const lms = api();
    const top = { API: lms } as unknown as Window & { parent: Window };
    top.parent = top;
    const middle = { parent: top } as unknown as Window;
    const game = { parent: middle, top } as unknown as Window;
    expect(findApi(game)).toBe(lms);

    const opener = { API: lms } as unknown as Window & { parent: Window };
    opener.parent = opener;
    const popup = { opener } as unknown as Window & { parent: Window; top: Window };
    popup.parent = popup;
    popup.top = popup;
    expect(findApi(popup)).toBe(lms);
  });

  it('is not looked for past a window of another origin', () => {
    const foreign = {} as Window;
    Object.defineProperty(foreign, 'API', {
      get() {
        throw new DOMException('Blocked a frame', 'SecurityError');
      },
    });
    const game = { parent: foreign, top: foreign } as unknown as Window;
    expect(findApi(game)).toBeUndefined();
  });

  it('that throws or answers false is reported once, as a warning, and the game goes on', () => {
    const warnings: string[] = [];
    const lms = new Lms(
      api({
        LMSSetValue: () => 'false',
        LMSGetLastError: () => '405',
        LMSGetErrorString: () => 'Incorrect Data Type',
        LMSCommit: () => {
          throw new Error('connection lost');
        },
      }),
      (m) => warnings.push(m),
    );
    expect(lms.initialize()).toBe(true);
    expect(lms.set('cmi.core.score.raw', 'x')).toBe(false);
    expect(lms.commit()).toBe(false);
    expect(lms.set('cmi.core.lesson_status', 'passed')).toBe(false);
    lms.finish();
    expect(warnings).toEqual([expect.stringContaining('LMSSetValue("cmi.core.score.raw") answered "false" (error 405: Incorrect Data Type)')]);
  });

  it('reads a value, and an error code on a read counts as a failure', () => {
    const warnings: string[] = [];
    const ok = new Lms(api({ LMSGetValue: () => 'incomplete' }), (m) => warnings.push(m));
    expect(ok.get('cmi.core.lesson_status')).toBe('incomplete');
    const broken = new Lms(api({ LMSGetValue: () => 'junk', LMSGetLastError: () => '301' }), (m) => warnings.push(m));
    expect(broken.get('cmi.suspend_data')).toBe('');
    expect(warnings).toEqual([expect.stringContaining('error 301')]);
  });
});

describe('npm run package:scorm', () => {
  it('chooses a chapter, some levels or all of them, and names the package', () => {
    expect(choose(catalog, { chapter: 'team-at-work' })).toEqual({
      id: 'push-or-poll-team-at-work',
      title: 'Push or Poll: A team at work',
      levels: ['team-chat', 'deploy-on-merge'],
    });
    expect(choose(catalog, { level: ['team-chat'] })).toMatchObject({ title: 'Push or Poll: Release-day chat', levels: ['team-chat'] });
    expect(choose(catalog, { level: ['profile-page', 'payment-confirmed'], title: ' Week 3 ' })).toMatchObject({
      title: 'Week 3',
      levels: ['payment-confirmed', 'profile-page'],
    });
    expect(choose(catalog, {}).levels).toHaveLength(allLevels(catalog).length);
  });

  it('says what is wrong with the options', () => {
    expect(() => choose(catalog, { chapter: 'nope' })).toThrow(/no chapter "nope". The chapters are: orders-and-payments, pages-and-forms/);
    expect(() => choose(catalog, { level: ['team-chat', 'nope'] })).toThrow(/no level "nope"/);
    expect(() => choose(catalog, { chapter: 'team-at-work', level: ['team-chat'] })).toThrow(/either --chapter or --level/);
    expect(() => choose(catalog, { title: '  ' })).toThrow(PackageError);
  });

  it('writes a manifest of one SCO that lists every file, and the choices into index.html', () => {
    const config = { id: 'pop-x', title: 'Webhooks & <friends>', levels: ['team-chat'] };
    const xml = manifest(config, ['assets/a.js', 'index.html']);
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    expect(doc.querySelector('schemaversion')?.textContent).toBe('1.2');
    expect(doc.querySelector('organization title')?.textContent).toBe('Webhooks & <friends>');
    const resource = doc.querySelector('resource')!;
    expect([resource.getAttribute('adlcp:scormtype'), resource.getAttribute('href')]).toEqual(['sco', 'index.html']);
    expect([...doc.querySelectorAll('file')].map((f) => f.getAttribute('href'))).toEqual(['assets/a.js', 'index.html']);

    const html = packagedIndex('<html><head><title>Push or Poll</title></head><body><div id="app"></div></body></html>', config);
    document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
    expect(readPackageConfig(document)).toEqual(config);
    expect(document.title).toBe('Webhooks & <friends>');
    expect(() => buildPackage('/no/such/dist', config)).toThrow(/No build in \/no\/such\/dist/);
  });

  it('keeps the game to the package levels, and plays the whole game when the settings cannot be read', () => {
    const two = restrictCatalog(catalog, ['profile-page', 'team-chat']);
    expect(two.chapters.map((c) => [c.id, c.levels.map((l) => l.id)])).toEqual([
      ['pages-and-forms', ['profile-page']],
      ['team-at-work', ['team-chat']],
    ]);
    document.documentElement.innerHTML = '<head><script type="application/json" id="push-or-poll-package">{"levels": "all"}</script></head><body></body>';
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(readPackageConfig(document)).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(/package settings in this page cannot be read; the whole game plays/);
    warn.mockRestore();
  });
});
