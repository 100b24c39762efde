// Read-aloud for citizens who read Danish (or any language) with difficulty: a button reads the
// page's text block by block in the page's language and marks the block being read. The
// browser's own voice where it has one for the language; otherwise the server's (eSpeak NG,
// POST /api/speech); neither: no button. Nothing is announced or focused, so a screen reader
// running alongside keeps its own place. Parts marked data-private (names, numbers that
// identify someone) are never read, nor sent.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Icon } from './icons';
import { INTL_LOCALES, isPageLang } from '../platform/i18n/languages.constants';

/** The language tag a voice is asked for: the page's locale without its number-system extension. */
const voiceTag = (lang: string) => (isPageLang(lang) ? INTL_LOCALES[lang].split('-u-')[0]! : lang);

/** What is read: text blocks, in page order. A block inside another is read on its own. */
const BLOCKS = 'h1,h2,h3,h4,p,li,legend,label,caption,th,td,dt,dd,[data-read]';
const SKIP = '[data-private],[data-no-read],[aria-hidden="true"],[hidden],.dl-read-aloud';

type Mode = 'browser' | 'server' | null;

function browserVoice(lang: string): SpeechSynthesisVoice | null {
  if (typeof speechSynthesis === 'undefined') return null;
  return speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().startsWith(lang)) ?? null;
}

let serverLanguages: Promise<string[]> | null = null;
function serverVoices(): Promise<string[]> {
  serverLanguages ??= fetch('/api/speech/languages')
    .then((r) => (r.ok ? (r.json() as Promise<{ languages: string[] }>) : { languages: [] }))
    .then((v) => v.languages)
    .catch(() => []);
  return serverLanguages;
}

/** The blocks under `root` a reader would read now: visible, not private, with text. */
export function readableBlocks(root: ParentNode): { el: HTMLElement; text: string }[] {
  return [...root.querySelectorAll<HTMLElement>(BLOCKS)]
    .filter(
      (el) => !el.closest(SKIP) && !el.querySelector(BLOCKS) && el.getClientRects().length > 0,
    )
    .map((el) => ({ el, text: textOf(el) }))
    .filter((b) => b.text.length > 0);
}

/** The block's text without its private parts (a name inside a sentence). */
function textOf(el: HTMLElement): string {
  if (!el.querySelector('[data-private]')) return el.innerText.trim();
  const copy = el.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('[data-private]').forEach((p) => p.remove());
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function ReadAloud({
  lang,
  label,
  stopLabel,
  root = 'main',
}: {
  lang: string;
  label: string;
  stopLabel: string;
  /** Selector of what to read (the page's main content). */
  root?: string;
}) {
  const [mode, setMode] = useState<Mode>(null);
  const [reading, setReading] = useState(false);
  const run = useRef(0);
  const current = useRef<HTMLElement | null>(null);
  const audio = useRef<HTMLAudioElement | null>(null);

  useEffect(() => {
    let live = true;
    const decide = async () => {
      if (browserVoice(lang)) return setMode('browser');
      const server = await serverVoices();
      if (live) setMode(browserVoice(lang) ? 'browser' : server.includes(lang) ? 'server' : null);
    };
    void decide();
    // Browsers load their voices late; a voice for the language may arrive after the first look.
    const voices = typeof speechSynthesis === 'undefined' ? null : speechSynthesis;
    const onVoices = () => void decide();
    voices?.addEventListener('voiceschanged', onVoices);
    return () => {
      live = false;
      voices?.removeEventListener('voiceschanged', onVoices);
    };
  }, [lang]);

  const mark = useCallback((el: HTMLElement | null) => {
    current.current?.classList.remove('dl-reading');
    current.current = el;
    if (el) {
      el.classList.add('dl-reading');
      el.scrollIntoView({ block: 'nearest' });
    }
  }, []);

  const stop = useCallback(() => {
    run.current++;
    if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
    audio.current?.pause();
    audio.current = null;
    mark(null);
    setReading(false);
  }, [mark]);

  // A new language, or leaving the screen (the button is keyed by it), ends the reading.
  useEffect(() => stop, [lang, stop]);

  function speakBrowser(text: string): Promise<void> {
    return new Promise((resolve) => {
      const u = new SpeechSynthesisUtterance(text);
      u.lang = voiceTag(lang);
      u.voice = browserVoice(lang);
      u.rate = 0.9;
      u.onend = () => resolve();
      u.onerror = () => resolve();
      speechSynthesis.speak(u);
    });
  }

  async function speakServer(text: string, id: number): Promise<void> {
    const res = await fetch('/api/speech', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ lang, text }),
    }).catch(() => null);
    if (!res?.ok || id !== run.current) return;
    const url = URL.createObjectURL(await res.blob());
    await new Promise<void>((resolve) => {
      const a = new Audio(url);
      audio.current = a;
      a.onended = () => resolve();
      a.onerror = () => resolve();
      a.onpause = () => resolve();
      a.play().catch(() => resolve());
    });
    URL.revokeObjectURL(url);
  }

  async function start() {
    const id = ++run.current;
    setReading(true);
    const container = document.querySelector(root) ?? document.body;
    for (const block of readableBlocks(container)) {
      if (id !== run.current) return;
      // The screen changed under the reading: what is left belongs to the old one.
      if (!block.el.isConnected) break;
      mark(block.el);
      if (mode === 'browser') await speakBrowser(block.text);
      else await speakServer(block.text, id);
    }
    if (id === run.current) stop();
  }

  if (!mode) return null;
  return (
    <button
      type="button"
      className="button button-secondary dl-read-aloud"
      aria-pressed={reading}
      data-voice={mode}
      onClick={() => (reading ? stop() : void start())}
    >
      <Icon name="speaker" size={20} />
      {reading ? stopLabel : label}
    </button>
  );
}
