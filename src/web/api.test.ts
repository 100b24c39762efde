import { describe, expect, it } from 'vitest';
import { asEntered, call, href, type Answer } from './api';

describe('the web client', () => {
  it('builds the URL of an endpoint from its key and input', () => {
    expect(href('GET /api/pilots/:id/evaluation.csv', { params: { id: 'p1' } })).toBe(
      '/api/pilots/p1/evaluation.csv',
    );
    expect(
      href('GET /api/workshops/:id/stats.csv', {
        params: { id: 's1' },
        query: { weeks: 8, format: 'rfc4180' },
      }),
    ).toBe('/api/workshops/s1/stats.csv?weeks=8&format=rfc4180');
    expect(href('GET /api/me/audit/export', { query: { format: 'json' } })).toBe(
      '/api/me/audit/export?format=json',
    );
  });
});

// Compiled by `npm run typecheck`, never run: the compiler holds the client to the contracts.
export function typeChecks() {
  // @ts-expect-error: no such endpoint
  void call('GET /api/no-such-thing');
  // @ts-expect-error: the path needs its id
  void call('GET /api/pilots/:id');
  // @ts-expect-error: the login needs a password
  void call('POST /api/auth/login', { body: { email: 'a@b.dk' } });
  // @ts-expect-error: a status the pilot cannot have
  void call('POST /api/pilots/:id/status', { params: { id: 'x' }, body: { to: 'x', reason: '' } });
  // @ts-expect-error: a field the form does not have
  asEntered<{ name: string }>({ nmae: 'x' });
  const status: Answer<'GET /api/pilots/:id'>['status'] = 'running';
  // @ts-expect-error: the answer is typed from the response schema
  const wrong: Answer<'GET /api/pilots/:id'>['name'] = 42;
  return [status, wrong];
}
