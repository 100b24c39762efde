// The OpenAPI document, made for client generators and API linters: every operation has an id,
// a summary, the security it needs, its error answers (the one error shape) and, for files,
// the media type it sends. Generated from each route's Zod schemas and access declaration, so
// it cannot drift from what the server does.
import type { FastifyDynamicSwaggerOptions, SwaggerTransform } from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { Access } from './access';
import { SESSION_COOKIE, TEST_COOKIE } from './app-constants';

type TransformInput = Parameters<SwaggerTransform>[0];

export function openApiDocument(publicUrl: string): FastifyDynamicSwaggerOptions['openapi'] {
  return {
    openapi: '3.1.0' as const,
    info: {
      title: 'Digiløft API',
      description:
        'Digital competence platform for Danish jobcentres. Errors are `{"error": {"code", "message", "fields"?}}` with the message in the caller’s language.',
      version: '0.1.0',
      license: { name: 'Proprietary', identifier: 'LicenseRef-Digiloft' },
    },
    // Relative: the API is where this document is served (the configured public address).
    servers: [{ url: '/', description: `This installation (${publicUrl})` }],
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        testSession: { type: 'apiKey', in: 'cookie', name: TEST_COOKIE },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string' },
                message: { type: 'string', description: 'For people, in their language.' },
                fields: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['path', 'message'],
                    properties: { path: { type: 'string' }, message: { type: 'string' } },
                  },
                },
              },
            },
          },
        },
      },
    },
  };
}

/** What a route declares for the document beyond its schemas. */
declare module 'fastify' {
  interface FastifyContextConfig {
    /** The media types a route answers with when it sends a file or a document of its own. */
    produces?: string | readonly string[];
  }
}

const VERBS: Record<string, string> = {
  GET: 'get',
  POST: 'post',
  PUT: 'put',
  PATCH: 'update',
  DELETE: 'delete',
};

/** `POST /api/queue-tickets/:id/hand-over` → `postQueueTicketsHandOver`. */
export function operationId(method: string, url: string): string {
  const words = url
    .replace(/^\/api\//, '')
    .split('/')
    .filter((s) => s && !s.startsWith(':'))
    .flatMap((s) => s.split(/[-_.]/))
    .filter(Boolean);
  const byParam = url
    .split('/')
    .filter((s) => s.startsWith(':'))
    .map((s) => s.slice(1));
  const name = [VERBS[method] ?? method.toLowerCase(), ...words, ...byParam.map((p) => `by ${p}`)]
    .join(' ')
    .split(' ');
  return name.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('');
}

/** `POST /api/queue-tickets/:id/hand-over` → `Post queue tickets hand over (by id)`. */
export function summaryOf(method: string, url: string): string {
  const path = url
    .replace(/^\/api\//, '')
    .split('/')
    .filter((s) => s && !s.startsWith(':'))
    .join(' ')
    .replace(/[-_.]/g, ' ');
  const params = url
    .split('/')
    .filter((s) => s.startsWith(':'))
    .map((s) => s.slice(1));
  const verb = VERBS[method] ?? method.toLowerCase();
  const text = `${verb[0]!.toUpperCase()}${verb.slice(1)} ${path}`;
  return params.length ? `${text} (by ${params.join(', ')})` : text;
}

const errorAnswer = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

function securityOf(access: Access | undefined): Record<string, string[]>[] {
  switch (access?.kind) {
    case undefined:
    case 'public':
      return [];
    case 'test_taker':
      return [{ session: [] }, { testSession: [] }];
    case 'authenticated':
    case 'roles':
      return [{ session: [] }];
  }
}

/** jsonSchemaTransform, then what a generated client needs to know about the operation. */
export function openApiTransform(input: TransformInput): ReturnType<SwaggerTransform> {
  const out = jsonSchemaTransform(input);
  const route = input.route;
  const method = String(Array.isArray(route.method) ? route.method[0] : route.method);
  const access = route.config?.access;
  if (!out.schema) return out;
  // Fastify hands the route schema over untyped; the shapes read here are our own contracts'.
  const schema = out.schema as Record<string, unknown>;
  if (schema.hide) return out;
  const response = { ...((schema.response as Record<string, unknown> | undefined) ?? {}) };
  const produces = route.config?.produces;
  const types = produces === undefined ? [] : typeof produces === 'string' ? [produces] : produces;
  if (types.length > 0 && !response['200'])
    response['200'] = {
      description: `The ${types.join(' or ')} document.`,
      content: Object.fromEntries(
        types.map((type) => [
          type,
          {
            schema: /json/.test(type)
              ? { type: 'object' }
              : { type: 'string', ...(/pdf/.test(type) ? { format: 'binary' } : {}) },
          },
        ]),
      ),
    };
  response['400'] ??= errorAnswer('Bad input; nothing was changed.');
  if (access && access.kind !== 'public') {
    response['401'] ??= errorAnswer('Not logged in.');
    response['403'] ??= errorAnswer('Logged in, but not allowed.');
  }
  if (input.url.includes(':')) response['404'] ??= errorAnswer('No such record (or not yours).');
  response['429'] ??= errorAnswer('Too many requests; see Retry-After.');
  return {
    ...out,
    schema: {
      // The same tree, records spelled out; its shape is unchanged.
      ...(spellOutRecords(schema) as Record<string, unknown>),
      operationId: operationId(method, input.url),
      summary: (schema.summary as string | undefined) ?? summaryOf(method, input.url),
      security: securityOf(access),
      response: spellOutRecords(response),
    },
  };
}

/**
 * A record over a fixed set of keys (`z.record(z.enum([...]), …)`) becomes, in JSON Schema,
 * `required` keys with only `additionalProperties`: give each required key its property, so
 * generators and linters see the keys it always has.
 */
function spellOutRecords(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(spellOutRecords);
  if (!node || typeof node !== 'object') return node;
  const out = Object.fromEntries(
    Object.entries(node).map(([k, v]) => [k, spellOutRecords(v)]),
    // Rebuilt from an object's entries: still an object.
  ) as Record<string, unknown>;
  const required = out.required;
  const extra = out.additionalProperties;
  if (Array.isArray(required) && extra && typeof extra === 'object') {
    // JSON Schema: `properties` is an object wherever `required` is an array.
    const properties = { ...((out.properties as Record<string, unknown> | undefined) ?? {}) };
    for (const key of required as string[]) properties[key] ??= extra;
    out.properties = properties;
  }
  return out;
}
