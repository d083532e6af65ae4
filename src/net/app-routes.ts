/**
 * Your app's endpoints, on each client's host: what the pattern serves (a webhook receiver to the
 * internet, or an internal endpoint your own services call). ./app-handlers.ts serves them.
 */

export interface AppRoute {
  handle(request: Request): Promise<Response>;
  /** Reachable only from your own services (a direct call), not from the internet. */
  internal: boolean;
}

/** The routes your app serves, by host and path. */
export class AppRoutes {
  private readonly routes = new Map<string, AppRoute>();

  has(host: string, path: string): boolean {
    return this.routes.has(`${host}${path}`);
  }

  set(host: string, path: string, route: AppRoute): void {
    this.routes.set(`${host}${path}`, route);
  }

  get(host: string, path: string): AppRoute | undefined {
    return this.routes.get(`${host}${path}`);
  }
}
