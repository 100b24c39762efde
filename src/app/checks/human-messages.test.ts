import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app';
import { buildMunicipality, buildSite } from '../testing/factories';

// Every form a citizen (or anyone without a login) fills in, sent with bad input of every
// kind, in Danish and English: the message a person sees is written for people — no field's
// code name, no validator wording.
let t: TestApp;
let siteId: string;

beforeAll(async () => {
  t = await createTestApp({ trustProxy: true });
  const m = await buildMunicipality(t.ctx.db);
  siteId = (await buildSite(t.ctx.db, m.id)).id;
});
afterAll(async () => t.close());

const TOKEN = 'x'.repeat(43);
const FORMS = () => [
  { url: '/api/auth/login', valid: { email: 'a@b.dk', password: 'hemmelig kode' } },
  { url: '/api/tests/code', valid: { code: 'ABCD-EFGH' } },
  {
    url: `/api/workshops/${siteId}/check-in`,
    valid: { firstName: 'Anna', topic: 'mitid', channel: 'qr' },
  },
  {
    url: `/api/workshops/${siteId}/appointments`,
    valid: {
      day: '2030-01-07',
      start: '10:00',
      firstName: 'Anna',
      topic: 'mitid',
      email: 'anna@example.dk',
      phone: '12345678',
    },
  },
  { url: '/api/appointments/manage', valid: { token: TOKEN } },
  { url: '/api/appointments/cancel', valid: { token: TOKEN } },
  { url: '/api/appointments/move', valid: { token: TOKEN, day: '2030-01-07', start: '10:00' } },
];

const BAD_VALUES: unknown[] = [undefined, '', 12345, true, 'x'.repeat(500), 'ikke-gyldig', [], {}];
const VALIDATOR_WORDS =
  /expected|forventede|invalid|ugyldig|too small|too big|for lille|for stor|unrecognized|ukendt nøgle|regex|>=|<=|string|streng|undefined/i;

describe('validation messages on public forms', () => {
  it('are written for people, per field, in Danish and English', async () => {
    let checked = 0;
    for (const form of FORMS()) {
      const codeNames = Object.keys(form.valid);
      for (const field of codeNames)
        for (const bad of BAD_VALUES)
          for (const lang of ['da', 'en']) {
            const body: Record<string, unknown> = { ...form.valid, [field]: bad };
            if (bad === undefined) delete body[field];
            const res = await t.app.inject({
              method: 'POST',
              url: form.url,
              payload: body,
              headers: { cookie: `dl_lang=${lang}`, 'x-forwarded-for': `10.7.0.${checked % 250}` },
            });
            expect(res.statusCode, `${form.url} ${field}=${JSON.stringify(bad)}`).toBeLessThan(500);
            if (res.statusCode !== 400) continue;
            const { message, code } = res.json().error as { message: string; code: string };
            const where = `${form.url} ${field}=${JSON.stringify(bad)} (${lang}): ${message}`;
            if (code !== 'validation_failed') continue;
            checked++;
            expect(message, where).not.toMatch(VALIDATOR_WORDS);
            // No code name: in Danish none of them is a word; in English some are (password,
            // code), so there only the names no sentence has.
            for (const name of [...codeNames, 'channel'].filter(
              (n) => lang === 'da' || /[A-Z]|token|channel/.test(n),
            ))
              expect(message, where).not.toMatch(new RegExp(`\\b${name}\\b`));
            expect(message.length, where).toBeGreaterThan(10);
          }
    }
    expect(checked).toBeGreaterThan(150);
  });

  it('say what to do, e.g. for a wrong test code', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/tests/code',
      payload: { code: 'AB' },
    });
    expect(res.json().error.message).toBe(
      'Skriv koden på 8 tegn, som du har fået af din jobkonsulent eller en eMentor.',
    );
    expect(res.json().error.fields).toEqual([
      {
        path: 'code',
        message: 'Skriv koden på 8 tegn, som du har fået af din jobkonsulent eller en eMentor.',
      },
    ]);
  });
});
