import type { Route } from '../routes.ts';
import type { mount as mountGame } from '../mount.ts';
import type { PackageConfig } from '../package-config.ts';
import type { MountOptions } from '../params.ts';
import { PROGRESS_KEY, parseProgress } from '../progress.ts';
import { routeFromSearch, routeOf, sameRoute, searchFor } from '../routes.ts';
import { browserStore, type KeyValueStore } from '../storage.ts';
import { findApi } from './api.ts';
import { Lms } from './lms.ts';
import { fitSuspendData, scoreOf, statusOf, timespan } from './report.ts';

/**
 * The game as a SCORM 1.2 package: it finds the platform's API, resumes from what the platform kept
 * (progress in cmi.suspend_data, the screen in cmi.core.lesson_location), reports the score and status
 * and commits after each run (each save of the progress), and finishes when the page closes. Without a
 * platform it plays as usual, with the package's levels.
 */
export function launchPackage(mount: typeof mountGame, root: HTMLElement, options: MountOptions, pkg: PackageConfig, win: Window = window) {
  win.document.title = pkg.title;
  // Platforms launch content in a frame (the compact layout fits it) or in a window of its own.
  const levels = { levels: pkg.levels, embed: options.embed || win.parent !== win };
  const api = findApi(win);
  if (!api) return mount(root, { ...options, ...levels });

  const lms = new Lms(api);
  const started = Date.now();
  lms.initialize();
  const status = lms.get('cmi.core.lesson_status');
  if (status === '' || status === 'not attempted') lms.set('cmi.core.lesson_status', 'incomplete');

  /** Score and status after each save; the platform keeps the best the learner reached. */
  const report = (text: string) => {
    const { data } = parseProgress(text);
    const score = scoreOf(data, pkg.levels);
    const before = Number(lms.get('cmi.core.score.raw'));
    lms.set('cmi.core.score.min', '0');
    lms.set('cmi.core.score.max', '100');
    if (!(before > score)) lms.set('cmi.core.score.raw', String(score));
    if (lms.get('cmi.core.lesson_status') !== 'passed') lms.set('cmi.core.lesson_status', statusOf(data, pkg.levels));
    lms.commit();
  };
  const store = suspendDataStore(lms, pkg.levels, report);

  const { game } = mount(root, { ...options, ...levels, ...resumeAt(lms.get('cmi.core.lesson_location'), pkg), store });

  let shown: Route = routeOf(game.getSnapshot());
  lms.set('cmi.core.lesson_location', searchFor(shown, ''));
  game.subscribe((snapshot) => {
    const route = routeOf(snapshot);
    if (sameRoute(route, shown)) return;
    shown = route;
    lms.set('cmi.core.lesson_location', searchFor(route, ''));
  });
  win.addEventListener(
    'pagehide',
    () => {
      lms.set('cmi.core.session_time', timespan(Date.now() - started));
      lms.set('cmi.core.exit', 'suspend');
      lms.commit();
      lms.finish();
    },
    { once: true },
  );
  return { game };
}

/** Where the learner stopped: the screen the platform kept, if it is one of this package's. */
function resumeAt(location: string, pkg: PackageConfig): Pick<MountOptions, 'level' | 'screen'> {
  if (!location) return {};
  const route = routeFromSearch(location);
  if (route.screen === 'level') return pkg.levels.includes(route.level) ? { level: route.level } : {};
  return route.screen === 'title' ? {} : { screen: route.screen };
}

/**
 * Saved progress kept by the platform in cmi.suspend_data. What the progress module keeps aside (a
 * damaged value) goes to this browser's storage, as outside a platform; the platform keeps only the progress.
 */
function suspendDataStore(lms: Lms, levels: readonly string[], saved: (text: string) => void): KeyValueStore {
  const aside = browserStore();
  const initial = lms.get('cmi.suspend_data');
  return {
    get: (key) => (key === PROGRESS_KEY ? initial || null : aside.get(key)),
    set: (key, value) => {
      if (key !== PROGRESS_KEY) return aside.set(key, value);
      const ok = lms.set('cmi.suspend_data', fitSuspendData(parseProgress(value).data, levels));
      saved(value);
      return ok;
    },
    remove: (key) => (key === PROGRESS_KEY ? void lms.set('cmi.suspend_data', '') : aside.remove(key)),
    persistent: true,
  };
}
