// Speech for read-aloud where the browser has no voice for the page's language: eSpeak NG, a
// speech engine from Debian (`apt-get install espeak-ng`), run as a child process per text.
// Without it the engine is null and the pages hide the server fallback. The text goes in on
// stdin, never on a command line, and is never logged.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import { compactWav } from './wav';

/** Our language codes → eSpeak NG voices. Somali has no eSpeak voice (the browser's, if any). */
const VOICES: Record<string, string> = {
  da: 'da',
  en: 'en-gb',
  ar: 'ar',
  tr: 'tr',
  ur: 'ur',
  fa: 'fa',
  pl: 'pl',
  uk: 'uk',
};

/** Words per minute: a little slower than eSpeak's 175, for listeners learning the language. */
const RATE = 145;
const TIMEOUT_MS = 10_000;
/** The cache holds at most this many bytes of audio (the same texts recur on every page). */
const CACHE_BYTES = 32 * 1024 * 1024;

export interface SpeechEngine {
  /** The languages it has a voice for (our codes). */
  readonly languages: readonly string[];
  /** WAV audio of the text; the same text and language come from the cache the second time. */
  speak(text: string, lang: string): Promise<Buffer>;
  /** How many texts were synthesised (not from the cache): for tests and benchmarks. */
  readonly synthesised: number;
}

/**
 * eSpeak NG at `binary`, or null when it is not installed (or `binary` is "off"): the app then
 * starts and runs without server speech.
 */
export function espeakEngine(binary = 'espeak-ng'): SpeechEngine | null {
  if (binary === 'off') return null;
  const probe = spawnSync(binary, ['--voices'], { encoding: 'utf8', timeout: TIMEOUT_MS });
  if (probe.status !== 0 || typeof probe.stdout !== 'string') return null;
  const installed = new Set(
    probe.stdout
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/)[1])
      .filter((v): v is string => Boolean(v)),
  );
  const languages = Object.entries(VOICES)
    .filter(([, voice]) => installed.has(voice))
    .map(([lang]) => lang);
  const cache = new Map<string, Buffer>();
  let cached = 0;
  let synthesised = 0;

  function remember(key: string, audio: Buffer) {
    cache.set(key, audio);
    cached += audio.length;
    // Oldest first out: a Map iterates in insertion order, and a hit is re-inserted.
    for (const [k, v] of cache) {
      if (cached <= CACHE_BYTES) break;
      cache.delete(k);
      cached -= v.length;
    }
  }

  function run(text: string, voice: string): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const child = spawn(binary, ['-v', voice, '-s', String(RATE), '--stdout'], {
        stdio: ['pipe', 'pipe', 'ignore'],
        timeout: TIMEOUT_MS,
      });
      const chunks: Buffer[] = [];
      child.stdout.on('data', (c: Buffer) => chunks.push(c));
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0
          ? resolve(Buffer.concat(chunks))
          : reject(new Error(`espeak-ng ended with ${code}`)),
      );
      child.stdin.end(text, 'utf8');
    });
  }

  return {
    languages,
    get synthesised() {
      return synthesised;
    },
    async speak(text, lang) {
      const voice = VOICES[lang];
      if (!voice || !languages.includes(lang)) throw new Error(`no voice for ${lang}`);
      const key = crypto.createHash('sha256').update(`${lang}\0${text}`).digest('hex');
      const hit = cache.get(key);
      if (hit) {
        cache.delete(key);
        cache.set(key, hit);
        return hit;
      }
      const audio = compactWav(await run(text, voice));
      synthesised++;
      remember(key, audio);
      return audio;
    },
  };
}

/**
 * Whether a text could hold personal data, which read-aloud audio must never carry: a CPR
 * number, a phone number (as Danes write them), an e-mail address, or any run of eight digits. The pages leave such
 * parts out (data-private); this is the server's own check.
 */
export function looksPersonal(text: string): boolean {
  return (
    /\d{6}\s*-?\s*\d{4}/.test(text) ||
    /\d{8,}/.test(text) ||
    /(?:\+45\s?)?\b\d{2} \d{2} \d{2} \d{2}\b/.test(text) ||
    /[^\s@]+@[^\s@]+\.[^\s@]+/.test(text)
  );
}
