// The one way the web client talks to the server: an endpoint's key, typed from its contract.
import {
  pathWith,
  queryString,
  type EndpointDef,
  type EndpointInput,
  type EndpointOutput,
} from '../platform/http/endpoint';
import type { Endpoints, Key } from './endpoints';
import { PAGE_LANG_HEADER } from '../platform/http/app-constants';

export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
  }
}

/** What an endpoint answers, for a page's state: `Answer<'GET /api/pilots/:id'>`. */
export type Answer<K extends Key> = EndpointOutput<Endpoints[K]>;

/** The input argument is optional only where the endpoint needs nothing. */
type Args<D extends EndpointDef> =
  Record<string, never> extends EndpointInput<D>
    ? [input?: EndpointInput<D>]
    : [input: EndpointInput<D>];

interface LooseInput {
  params?: unknown;
  query?: unknown;
  body?: unknown;
}

function urlOf(key: string, input: LooseInput | undefined): string {
  return pathWith(key.slice(key.indexOf(' ') + 1), input?.params) + queryString(input?.query);
}

/** The URL of an endpoint (for links to files and streams: CSV, PDF, event streams). */
export function href<K extends Key>(key: K, ...[input]: Args<Endpoints[K]>): string {
  return urlOf(key, input);
}

export async function call<K extends Key>(
  key: K,
  ...[input]: Args<Endpoints[K]>
): Promise<EndpointOutput<Endpoints[K]>> {
  const loose: LooseInput | undefined = input;
  const method = key.slice(0, key.indexOf(' '));
  const hasBody = loose?.body !== undefined || method !== 'GET';
  // The language the page shows, so the server's messages match it (a page offering fewer
  // languages than the one last chosen elsewhere shows, and is answered in, its own).
  const pageLang = typeof document === 'undefined' ? '' : document.documentElement.lang;
  const res = await fetch(urlOf(key, loose), {
    method,
    credentials: 'same-origin',
    headers: {
      ...(hasBody ? { 'content-type': 'application/json' } : {}),
      ...(pageLang ? { [PAGE_LANG_HEADER]: pageLang } : {}),
    },
    body: hasBody ? JSON.stringify(loose?.body ?? {}) : undefined,
  });
  const data: unknown = res.status === 204 ? undefined : await res.json().catch(() => null);
  if (!res.ok) {
    const err =
      // Our error answers have this shape (platform/http/errors.ts); anything else reads as unknown.
      (data as { error?: { code?: string; message?: string; fields?: FieldError[] } } | null)
        ?.error;
    throw new ApiError(
      res.status,
      err?.code ?? 'unknown',
      err?.message ?? res.statusText,
      err?.fields ?? [],
    );
  }
  // The server serialised this answer through the contract's own response schema.
  return data as EndpointOutput<Endpoints[K]>;
}

/**
 * A form's fields as the user entered them, sent for the server to check: the contract's schema
 * answers each wrong field with a message the form shows beside it. The field names are still
 * checked here; the values are the server's to judge (a number left empty, an unknown choice).
 */
export function asEntered<T>(values: {
  [K in keyof NonNullable<NoInfer<T>>]?: unknown;
}): NonNullable<T> {
  // Deliberately unchecked in the browser: see above; the server's validation is the one check.
  return values as NonNullable<T>;
}
