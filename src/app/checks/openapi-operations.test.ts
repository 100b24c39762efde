import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app';

// The API's surface is a promise to municipalities' own integrations: the operations the
// OpenAPI document lists are compared with a committed list, so a restructuring cannot drop or
// rename one unnoticed. A deliberate change updates the list (UPDATE_OPENAPI_LIST=1).
const LIST = path.join(import.meta.dirname, 'openapi-operations.txt');

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('the OpenAPI document', () => {
  it('lists the same operations as the committed list', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const operations = Object.entries(doc.paths)
      .flatMap(([p, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${p}`))
      .sort();
    if (process.env.UPDATE_OPENAPI_LIST === '1')
      fs.writeFileSync(LIST, `${operations.join('\n')}\n`);
    const committed = fs.readFileSync(LIST, 'utf8').trim().split('\n');
    expect(operations).toEqual(committed);
  });
});
