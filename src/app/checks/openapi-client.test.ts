import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import openapiTS, { astToString } from 'openapi-typescript';
import createClient from 'openapi-fetch';
import { createTestApp, type TestApp, TEST_PUBLIC_URL } from '../testing/test-app';
import { buildMunicipality, buildSite, buildUser, TEST_PASSWORD } from '../testing/factories';
import { PROJECT_ROOT } from '../../platform/bootstrap';

// A client generated from the served OpenAPI document (openapi-typescript), type-checked by the
// TypeScript compiler, then used (openapi-fetch) against the running app: what a municipality's
// own integration would do.
let t: TestApp;
let base: string;
let email: string;
const dir = path.join(PROJECT_ROOT, 'node_modules/.cache/digiloft-openapi-client');

beforeAll(async () => {
  t = await createTestApp();
  const m = await buildMunicipality(t.ctx.db);
  await buildSite(t.ctx.db, m.id);
  email = (await buildUser(t.ctx.db, m.id, ['ementor'])).email;
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  fs.mkdirSync(dir, { recursive: true });
});
afterAll(async () => t.close());

describe('a client generated from the OpenAPI document', () => {
  it('type-checks: paths, bodies and answers are typed, and wrong use does not compile', async () => {
    const types = astToString(await openapiTS(t.app.swagger() as never));
    expect(types).toContain('"/api/workshops/{id}/check-in"');
    fs.writeFileSync(path.join(dir, 'api.d.ts'), types);
    fs.writeFileSync(
      path.join(dir, 'use.ts'),
      `import createClient from 'openapi-fetch';
import type { paths } from './api.js';
const client = createClient<paths>({ baseUrl: 'http://localhost' });
export async function use() {
  const health = await client.GET('/api/health');
  const status: 'ok' | 'degraded' | 'unavailable' | undefined = health.data?.status;
  const login = await client.POST('/api/auth/login', { body: { email: 'a@b.dk', password: 'x' } });
  const name: string | undefined = login.data?.user?.name;
  const queue = await client.GET('/api/workshops/{id}/queue', { params: { path: { id: 'x' } } });
  const first: string | undefined = queue.data?.[0]?.firstName;
  // @ts-expect-error: no such path
  await client.GET('/api/no-such-thing');
  // @ts-expect-error: the login body needs a password
  await client.POST('/api/auth/login', { body: { email: 'a@b.dk' } });
  return [status, name, first];
}
`,
    );
    fs.writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          skipLibCheck: true,
        },
        files: ['use.ts'],
      }),
    );
    const tsc = path.join(PROJECT_ROOT, 'node_modules/typescript/bin/tsc');
    execFileSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8' });
  }, 120_000);

  it('calls the running app', async () => {
    type Paths = { [path: string]: Record<string, unknown> };
    const client = createClient<Paths>({ baseUrl: base });
    const health = await client.GET('/api/health' as never);
    expect(health.response.status).toBe(200);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: TEST_PASSWORD }),
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const authed = createClient<Paths>({
      baseUrl: base,
      headers: { cookie, origin: TEST_PUBLIC_URL },
    });
    const workshops = await authed.GET('/api/workshops' as never);
    expect(workshops.response.status).toBe(200);
    const [w] = workshops.data as unknown as { id: string }[];
    const walkIn = await authed.POST(
      '/api/workshops/{id}/walk-in' as never,
      {
        params: { path: { id: w!.id } },
        body: { firstName: 'Klient', topic: 'mitid' },
      } as never,
    );
    expect(walkIn.response.status).toBe(201);
    const refused = await authed.POST(
      '/api/workshops/{id}/walk-in' as never,
      {
        params: { path: { id: w!.id } },
        body: { firstName: '' },
      } as never,
    );
    expect(refused.response.status).toBe(400);
    expect((refused.error as unknown as { error: { code: string } }).error.code).toBe(
      'validation_failed',
    );
  });
});
