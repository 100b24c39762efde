import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app';

describe('access declarations', () => {
  it('refuses to start when a route declares no access', async () => {
    const t = await createTestApp({ ready: false });
    try {
      t.app.get('/api/forgotten', async () => ({ secret: true }));
      await expect(t.app.ready()).rejects.toThrow(
        /without an access declaration: GET \/api\/forgotten/,
      );
    } finally {
      await t.ctx.database.close();
    }
  });

  it('refuses to start when an operation is added without an endpoint contract', async () => {
    const t = await createTestApp({ ready: false });
    try {
      t.app.get('/api/by-hand', { config: { access: { kind: 'public' } } }, async () => ({}));
      await expect(t.app.ready()).rejects.toThrow(
        /not registered from an endpoint contract: GET \/api\/by-hand/,
      );
    } finally {
      await t.ctx.database.close();
    }
  });
});

describe('platform routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('reports health with the database kind', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ok',
      live: 'up',
      db: process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite',
    });
  });

  it('serves the OpenAPI document built from the Zod schemas, and the docs page', async () => {
    const res = await t.app.inject({ url: '/api/openapi.json' });
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/citizens/{id}']),
    );
    expect(
      doc.paths['/api/auth/login'].post.requestBody.content['application/json'].schema.required,
    ).toEqual(['email', 'password']);
    const docs = await t.app.inject({ url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });

  it('answers unknown API paths with a JSON 404 in the user’s language', async () => {
    const res = await t.app.inject({ url: '/api/nope', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: { code: 'not_found', message: 'The page or record does not exist.' },
    });
  });

  it('sends security headers and no caching of API answers', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['permissions-policy']).toContain('camera=()');
    expect(res.headers['permissions-policy']).toContain('geolocation=()');
    // The test app's public address is https: HSTS is sent.
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('sends no HSTS when the installation is plain http (a laptop demo)', async () => {
    const local = await createTestApp({ publicUrl: 'http://localhost:3000' });
    try {
      const res = await local.app.inject({ url: '/api/health' });
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(res.headers['permissions-policy']).toContain('microphone=()');
    } finally {
      await local.close();
    }
  });

  it('rejects oversized bodies with 413', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'a@b.c', password: 'x'.repeat(2 * 1024 * 1024) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
  });
});
