// A Chromium with voices, as on a phone or PC that has one for the page's language. Headless
// Chromium has none of its own; on Linux it speaks through speech-dispatcher, here Debian's,
// driving eSpeak NG. Each browser gets its own speech-dispatcher (config, socket) in a
// throwaway folder, whose sound goes to libao's null device: there is no sound card, and a
// daemon that cannot play hangs and then lists no voices to anyone.
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM_ARGS } from './server-log';

const SPEECH_DISPATCHER = '/usr/bin/speech-dispatcher';
const ESPEAK_MODULE = '/usr/lib/speech-dispatcher-modules/sd_espeak-ng';

/** Chromium started with speech-dispatcher's voices; `close` ends both and clears up. */
export async function launchWithVoices(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const missing = [SPEECH_DISPATCHER, ESPEAK_MODULE].filter((p) => !fs.existsSync(p));
  if (missing.length > 0) {
    const why = `no ${missing.join(', ')} (apt-get install speech-dispatcher speech-dispatcher-espeak-ng)`;
    // On CI a browser voice that cannot be tried is a failure, as for Chromium itself.
    if (process.env.CI === 'true' || process.env.CI === '1') throw new Error(why);
    test.skip(true, why);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'digiloft-voices-'));
  const config = path.join(dir, 'config');
  const run = path.join(dir, 'run');
  fs.mkdirSync(path.join(config, 'speech-dispatcher'), { recursive: true });
  fs.mkdirSync(run, { mode: 0o700 });
  fs.writeFileSync(
    path.join(config, 'speech-dispatcher', 'speechd.conf'),
    [
      'LogLevel 1',
      'AudioOutputMethod "libao"',
      'AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"',
      'DefaultModule espeak-ng',
      '',
    ].join('\n'),
  );
  fs.writeFileSync(path.join(dir, '.libao'), 'default_driver=null\n');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--enable-speech-dispatcher'],
    env: {
      ...process.env,
      HOME: dir,
      XDG_CONFIG_HOME: config,
      XDG_RUNTIME_DIR: run,
      XDG_CACHE_HOME: path.join(dir, 'cache'),
    },
  });
  return {
    browser,
    async close() {
      await browser.close();
      const pidFile = path.join(run, 'speech-dispatcher', 'pid', 'speech-dispatcher.pid');
      const pid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8')) : 0;
      if (pid > 0) {
        try {
          process.kill(pid);
        } catch {
          // Already gone: it leaves by itself once no browser is connected.
        }
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Spoken {
  text: string;
  lang: string;
  voice: string | null;
  /** The text of the block marked as being read when the browser was asked to speak. */
  marked: string | null;
  started: boolean;
  ended: boolean;
}

/**
 * Listens to what the page asks the browser's voice to say (it still says it): the text, the
 * language and voice, what was marked at the time, and whether the voice began and finished.
 */
export async function listenToSpeech(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { spoken: unknown[] };
    w.spoken = [];
    const speak = speechSynthesis.speak.bind(speechSynthesis);
    speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
      const entry = {
        text: u.text,
        lang: u.lang,
        voice: u.voice?.name ?? null,
        marked: document.querySelector<HTMLElement>('.dl-reading')?.innerText.trim() ?? null,
        started: false,
        ended: false,
      };
      u.addEventListener('start', () => (entry.started = true));
      u.addEventListener('end', () => (entry.ended = true));
      w.spoken.push(entry);
      speak(u);
    };
  });
  return {
    said: () => page.evaluate(() => (window as unknown as { spoken: Spoken[] }).spoken),
  };
}

/** Waits until the browser has its voices (they load after the page). */
export async function voicesLoaded(page: Page) {
  await expect
    .poll(() => page.evaluate(() => speechSynthesis.getVoices().length), { timeout: 20_000 })
    .toBeGreaterThan(0);
}
