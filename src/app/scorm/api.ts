/** The SCORM 1.2 run-time API a learning platform offers its content as `window.API`. */
export interface Scorm12Api {
  LMSInitialize(parameter: ''): string;
  LMSFinish(parameter: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(parameter: ''): string;
  LMSGetLastError(): string;
  LMSGetErrorString(code: string): string;
}

const isApi = (value: unknown): value is Scorm12Api => typeof value === 'object' && value !== null && typeof (value as Scorm12Api).LMSInitialize === 'function';

/** Look for `API` in `win` and each window above it; a window of another origin ends the search. */
function scan(win: Window | null): Scorm12Api | undefined {
  let current = win;
  for (let depth = 0; current && depth < 500; depth++) {
    try {
      const api = (current as Window & { API?: unknown }).API;
      if (isApi(api)) return api;
    } catch {
      return undefined;
    }
    if (current.parent === current) return undefined;
    current = current.parent;
  }
  return undefined;
}

/**
 * Find the platform's API the standard way (SCORM 1.2 run-time environment): in this window and its
 * parents, then in the window that opened the top one and its parents.
 */
export function findApi(win: Window): Scorm12Api | undefined {
  const found = scan(win);
  if (found) return found;
  try {
    return scan(win.top?.opener ?? null);
  } catch {
    return undefined;
  }
}
