// One contract object per HTTP endpoint: the server registers the route from it (validation,
// access, OpenAPI) and the web client calls it by its key, typed from the same object. The web
// imports contracts as types only, so zod never reaches the browser bundles.
import type { z } from 'zod';
import type { Access } from './access';
import type { Governance } from '../policy';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface EndpointDef {
  method: Method;
  /** Fastify's form: `/api/pilots/:id`. */
  path: string;
  access: Access;
  /**
   * The policy rule that decides the route per record (`pilotRules('edit')`). The role list in
   * `access` is its coarse form; a check proves the two agree for every role.
   */
  governedBy?: Governance;
  /** The route reads or changes a citizen's personal data and must write an audit row. */
  personalData?: boolean;
  /** The route never looks at who calls (health checks): no session lookup on its path. */
  sessionless?: boolean;
  /**
   * Another site posts here by design (a SAML response from NemLog-in through the browser): the
   * same-origin check for writes is skipped; the message's own signature is what counts.
   */
  crossSite?: boolean;
  tags: readonly string[];
  summary?: string;
  description?: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** JSON answers by status. Left out where the answer is a file, a stream or a redirect. */
  response?: Readonly<Record<number, z.ZodType>>;
  /** The answer's media type(s) in the OpenAPI document, where it is not only JSON. */
  produces?: string | readonly string[];
  /** Request media types other than JSON the endpoint takes (a parser must be registered). */
  consumes?: readonly string[];
  /** A larger request body than the server's default (uploads). */
  bodyLimit?: number;
  /** Kept out of the OpenAPI document (server-sent event streams). */
  hide?: boolean;
}

/** Declares an endpoint; the literal method and path become its key, `GET /api/pilots/:id`. */
export function endpoint<const D extends EndpointDef>(def: D): D {
  return def;
}

export type EndpointKey<D extends EndpointDef> = `${D['method']} ${D['path']}`;

export function keyOf(d: EndpointDef): string {
  return `${d.method} ${d.path}`;
}

type InputOf<S> = S extends z.ZodType ? z.input<S> : undefined;
type OutputOf<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a caller sends: only the parts the endpoint declares, each as its schema accepts. */
export type EndpointInput<D extends EndpointDef> = (D['params'] extends z.ZodType
  ? { params: InputOf<D['params']> }
  : { params?: undefined }) &
  (D['query'] extends z.ZodType ? { query?: InputOf<D['query']> } : { query?: undefined }) &
  (D['body'] extends z.ZodType
    ? // An empty body (`{}`) may be left out: the client sends `{}` with every write.
      Record<string, never> extends InputOf<D['body']>
      ? { body?: InputOf<D['body']> }
      : { body: InputOf<D['body']> }
    : { body?: undefined });

type SuccessStatus = 200 | 201;
/** What a caller gets back: the 200 (or 201) answer's schema; nothing for an empty answer. */
export type EndpointOutput<D extends EndpointDef> =
  D['response'] extends Readonly<Record<number, z.ZodType>>
    ? OutputOf<D['response'][Extract<keyof D['response'], SuccessStatus>]>
    : undefined;

/** What a handler may return: any declared answer, before serialisation. */
export type HandlerResult<D extends EndpointDef> =
  D['response'] extends Readonly<Record<number, z.ZodType>>
    ? InputOf<D['response'][keyof D['response']]>
    : unknown;

/** Fills `:name` segments from params. */
export function pathWith(path: string, params: unknown): string {
  const given = new Map(params && typeof params === 'object' ? Object.entries(params) : []);
  return path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value: unknown = given.get(name);
    if (typeof value !== 'string' && typeof value !== 'number')
      throw new Error(`Missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
}

/** `?a=1&b=2` from a flat query object, leaving out undefined values; '' when empty. */
export function queryString(query: unknown): string {
  if (!query || typeof query !== 'object') return '';
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null) continue;
    const values: unknown[] = Array.isArray(v) ? v : [v];
    for (const one of values)
      if (typeof one === 'string' || typeof one === 'number' || typeof one === 'boolean')
        search.append(k, String(one));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}
