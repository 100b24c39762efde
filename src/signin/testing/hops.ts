// What a browser does between the app and a provider, for route tests: follows redirects with
// a cookie jar per host, asking the app through `inject` and the provider over real HTTP.
import { clock } from '../../platform/clock';
import type { FastifyInstance } from 'fastify';

export class Hops {
  private readonly jar = new Map<string, Map<string, string>>();
  /** Every address the browser went to, in order. */
  readonly visited: string[] = [];

  constructor(
    private readonly app: FastifyInstance,
    private readonly appOrigin: string,
  ) {}

  cookie(host: string, name: string): string | undefined {
    return this.jar.get(host)?.get(name);
  }

  setCookie(host: string, name: string, value: string | null) {
    const cookies = this.jar.get(host) ?? new Map<string, string>();
    if (value === null) cookies.delete(name);
    else cookies.set(name, value);
    this.jar.set(host, cookies);
  }

  private keep(host: string, setCookie: string[]) {
    for (const line of setCookie) {
      const [pair, ...attrs] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      const gone =
        value === '' ||
        attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) ||
        attrs.some((a) => /^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]!) < clock.ms());
      this.setCookie(host, name, gone ? null : value);
    }
  }

  private header(host: string) {
    const cookies = this.jar.get(host);
    return cookies && cookies.size > 0
      ? [...cookies].map(([k, v]) => `${k}=${v}`).join('; ')
      : undefined;
  }

  /** One request; returns status, the Location (absolute) and the body. */
  async go(
    url: string,
    init: { method?: 'GET' | 'POST'; form?: Record<string, string> } = {},
  ): Promise<{ status: number; location: string | null; body: string }> {
    this.visited.push(url);
    const u = new URL(url);
    const method = init.method ?? 'GET';
    const body = init.form ? new URLSearchParams(init.form).toString() : undefined;
    const cookie = this.header(u.host);
    if (u.origin === this.appOrigin) {
      const res = await this.app.inject({
        method,
        url: u.pathname + u.search,
        headers: {
          ...(cookie ? { cookie } : {}),
          ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        ...(body ? { payload: body } : {}),
      });
      const set = res.headers['set-cookie'];
      this.keep(u.host, set === undefined ? [] : Array.isArray(set) ? set : [set]);
      const location = res.headers.location;
      return {
        status: res.statusCode,
        location: typeof location === 'string' ? new URL(location, url).href : null,
        body: res.body,
      };
    }
    const res = await fetch(url, {
      method,
      redirect: 'manual',
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(body ? { body } : {}),
    });
    this.keep(u.host, res.headers.getSetCookie());
    const location = res.headers.get('location');
    return {
      status: res.status,
      location: location ? new URL(location, url).href : null,
      body: await res.text(),
    };
  }

  /** Follows redirects from `url` until an answer that is not one; `stop` ends early. */
  async follow(url: string, stop?: (next: string) => boolean) {
    let next = url;
    for (let i = 0; i < 20; i++) {
      const res = await this.go(next);
      if (!res.location || res.status < 300 || res.status >= 400) return { ...res, url: next };
      if (stop?.(res.location)) return { ...res, url: res.location, stopped: true };
      next = res.location;
    }
    throw new Error(`too many redirects from ${url}`);
  }
}
