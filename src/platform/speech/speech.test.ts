import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compactWav, readWav, wavSeconds, writeWav } from './wav';
import { espeakEngine, looksPersonal } from './speech';

const HAS_ESPEAK = fs.existsSync('/usr/bin/espeak-ng');
const CI = process.env.CI === 'true' || process.env.CI === '1';

describe('what read-aloud refuses to speak', () => {
  it.each([
    '010203-1234',
    'CPR 0102031234',
    'Ring på 12 34 56 78',
    '+45 12 34 56 78',
    'Skriv til anna@example.dk',
    'Konto 12345678',
  ])('refuses %s', (text) => expect(looksPersonal(text)).toBe(true));

  it.each([
    'Hvilken e-mail er falsk?',
    'Du er nummer 3 i køen. Forventet ventetid: 12 minutter.',
    'Mandag 2.12.2026 kl. 10.00–14.00',
    'Log ind med MitID på borger.dk',
  ])('reads %s', (text) => expect(looksPersonal(text)).toBe(false));
});

describe('WAV for slow connections', () => {
  it('halves 16-bit mono speech to 11,025 Hz with a header that states its sizes', () => {
    // One second of a 440 Hz tone at 22,050 Hz, with the unsized header eSpeak writes on a pipe.
    const samples = Buffer.alloc(22_050 * 2);
    for (let i = 0; i < 22_050; i++)
      samples.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / 22_050)), i * 2);
    const raw = writeWav({ rate: 22_050, channels: 1, bits: 16, samples });
    raw.writeUInt32LE(0x7fffffff, 4);
    raw.writeUInt32LE(0x7fffffff, 40);
    const small = compactWav(raw);
    const p = readWav(small);
    expect(p).toMatchObject({ rate: 11_025, channels: 1, bits: 16 });
    expect(small.readUInt32LE(40)).toBe(p.samples.length);
    expect(small.readUInt32LE(4)).toBe(small.length - 8);
    expect(wavSeconds(small)).toBeCloseTo(1, 3);
    expect(small.length).toBeLessThan(raw.length / 2 + 100);
    // The tone survives: its loudness is about the same.
    const rms = (b: Buffer) => {
      let s = 0;
      for (let i = 0; i < b.length; i += 2) s += b.readInt16LE(i) ** 2;
      return Math.sqrt(s / (b.length / 2));
    };
    expect(rms(p.samples) / rms(samples)).toBeGreaterThan(0.9);
  });

  it('refuses what is not a WAV file', () => {
    expect(() => readWav(Buffer.from('not audio at all, just text'))).toThrow('not a WAV');
  });
});

describe('eSpeak NG', () => {
  if (!HAS_ESPEAK && CI)
    it('is installed (CI=true: .ci/run installs espeak-ng)', () => expect(HAS_ESPEAK).toBe(true));

  it.skipIf(!HAS_ESPEAK)(
    'reads Danish, Arabic and Ukrainian, and caches what it read',
    async () => {
      const engine = espeakEngine()!;
      expect(engine.languages).toEqual(
        expect.arrayContaining(['da', 'en', 'ar', 'tr', 'ur', 'fa', 'pl', 'uk']),
      );
      expect(engine.languages).not.toContain('so');
      const short = await engine.speak('Ja', 'da');
      const long = await engine.speak(
        'Hvilken e-mail er falsk? Læs afsenderen og linket, før du klikker.',
        'da',
      );
      expect(wavSeconds(short)).toBeGreaterThan(0.1);
      expect(wavSeconds(short)).toBeLessThan(1.5);
      expect(wavSeconds(long)).toBeGreaterThan(2.5);
      expect(wavSeconds(long)).toBeLessThan(9);
      expect(wavSeconds(await engine.speak('مرحبا، كيف حالك؟', 'ar'))).toBeGreaterThan(0.5);
      expect(wavSeconds(await engine.speak('Вітаємо на тесті', 'uk'))).toBeGreaterThan(0.5);
      const before = engine.synthesised;
      expect(await engine.speak('Ja', 'da')).toBe(short);
      expect(engine.synthesised).toBe(before);
      await expect(engine.speak('Hello', 'so')).rejects.toThrow('no voice');
    },
  );

  it('is absent, not an error, when the program is missing or switched off', () => {
    expect(espeakEngine('/nonexistent/espeak-ng')).toBeNull();
    expect(espeakEngine('off')).toBeNull();
  });
});
