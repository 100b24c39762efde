import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../app/testing/test-app';
import { wavSeconds } from '../speech/wav';

const HAS_ESPEAK = fs.existsSync('/usr/bin/espeak-ng');

describe('read-aloud speech from the server', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it.skipIf(!HAS_ESPEAK)('lists its languages and reads a page text as WAV', async () => {
    const langs = await t.app.inject({ url: '/api/speech/languages' });
    expect(langs.statusCode).toBe(200);
    expect(langs.json().languages).toEqual(expect.arrayContaining(['da', 'en', 'ar', 'uk']));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/speech',
      payload: { lang: 'da', text: 'Spørgsmål 3. Hvem må kende din MitID-kode?' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('audio/wav');
    expect(res.rawPayload.toString('ascii', 0, 4)).toBe('RIFF');
    const seconds = wavSeconds(res.rawPayload);
    expect(seconds).toBeGreaterThan(1.5);
    expect(seconds).toBeLessThan(8);
  });

  it.skipIf(!HAS_ESPEAK)(
    'refuses personal data, unknown languages and bad input with 400',
    async () => {
      for (const [payload, code] of [
        [{ lang: 'da', text: 'Dit CPR-nummer er 010203-1234' }, 'speech_personal_data'],
        [{ lang: 'da', text: 'Skriv til anna@example.dk' }, 'speech_personal_data'],
        [{ lang: 'so', text: 'Soo dhawoow' }, 'speech_no_voice'],
        [{ lang: 'da', text: '' }, 'validation_failed'],
        [{ lang: 'da', text: 'x'.repeat(601) }, 'validation_failed'],
        [{ lang: 'dansk', text: 'Hej' }, 'validation_failed'],
      ] as const) {
        const res = await t.app.inject({ method: 'POST', url: '/api/speech', payload });
        expect(res.statusCode, JSON.stringify(payload)).toBe(400);
        expect(res.json().error.code).toBe(code);
      }
    },
  );

  it('hides the fallback when the machine has no speech engine, and the app still runs', async () => {
    const bare = await createTestApp({ speechEngine: 'off' });
    try {
      expect((await bare.app.inject({ url: '/api/speech/languages' })).json()).toEqual({
        languages: [],
      });
      const res = await bare.app.inject({
        method: 'POST',
        url: '/api/speech',
        payload: { lang: 'da', text: 'Hej' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('speech_no_voice');
      expect((await bare.app.inject({ url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await bare.close();
    }
  });
});
