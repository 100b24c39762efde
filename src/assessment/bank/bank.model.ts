// The item bank's content model: pure types and rules, no I/O.
import type { IrtItem } from '../irt';
import {
  COMMUNITY_LANGS,
  type CommunityLang,
  type PageLang,
} from '../../platform/i18n/languages.constants';

export const BASIC_TOPICS = ['mitid', 'digital_post', 'borger_dk', 'netbank', 'jobnet_cv'] as const;
export type BasicTopic = (typeof BASIC_TOPICS)[number];

export const SIMULATION_KINDS = [
  'mitid_login',
  'digital_post',
  'jobnet_cv',
  'phishing',
  'password',
  'search_result',
] as const;
export type SimulationKind = (typeof SIMULATION_KINDS)[number];

export type Level = 1 | 2 | 3 | 4 | 5 | 6;

export interface KnowledgeText {
  stem: string;
  options: string[];
}

/** A choice among cards (letters, e-mails, search hits, passwords, codes) on a practice screen. */
export interface SimulationText {
  /** What the citizen is asked to do. */
  task: string;
  /** The cards to choose among; their shape depends on the simulation kind. */
  cards: { title: string; meta?: string; body?: string }[];
  /** The letters of a practice Digital Post inbox (see ReplySpec). */
  letters?: Letter[];
}

export interface Letter {
  from: string;
  subject: string;
  date: string;
  body: string;
}

/**
 * A practice task with a real file upload: the citizen attaches a file in the browser. The file
 * never leaves the device; the page answers card 0 when a suitable file was attached and card 1
 * when the citizen could not.
 */
export interface UploadSpec {
  /** File name endings the form accepts, e.g. ".pdf". */
  accept: string[];
  maxKb: number;
}

/**
 * A practice MitID login: the citizen types the made-up user ID, then approves in a practice app
 * or types the code from a practice code display. When the app asks on behalf of someone other
 * than the service the citizen is logging in to, refusing is the right thing to do.
 */
export interface LoginSpec {
  userId: string;
  method: 'app' | 'code_display';
  /** The six digits the practice code display shows (code display only). */
  code?: string;
  /** The service the citizen logs in to. */
  service: string;
  /** Who the app says is asking; a different name than `service` is a login the citizen did not start. */
  requester: string;
}

/**
 * A practice Digital Post inbox where one letter must be opened and answered: the letters are in
 * the texts; `letter` is the one to answer. Replying only to that letter is right.
 */
export interface ReplySpec {
  letter: number;
}

/**
 * Interactive practice tasks (upload, login, reply) happen on the phone, which answers one of two
 * outcomes: done right (card 0) or not (card 1), the latter also when the citizen says they cannot.
 */
export const INTERACTIVE_OUTCOMES = 2;

export interface SelfRatingText {
  statement: string;
}

/**
 * An item's texts: Danish and English always (admins write them), the community languages where
 * a translation exists. A test in a language shows only the items that have its texts.
 */
export type ItemTexts<T> = Record<'da' | 'en', T> & Partial<Record<CommunityLang, T>>;

interface Base {
  id: string;
  /** DigComp 2.2 competence, e.g. "2.3". */
  competence: string;
  level: Level;
  basic?: BasicTopic;
}

export type BankEntry =
  | (Base & { type: 'knowledge'; correct: number; text: ItemTexts<KnowledgeText> })
  | (Base & {
      type: 'simulation';
      kind: SimulationKind;
      correct: number;
      upload?: UploadSpec;
      login?: LoginSpec;
      reply?: ReplySpec;
      text: ItemTexts<SimulationText>;
    })
  | (Base & { type: 'self_rating'; text: ItemTexts<SelfRatingText> });

/** The four answers to an "I can …" statement, lowest first. */
export const SELF_RATING_SCALE: Record<PageLang, readonly [string, string, string, string]> = {
  da: [
    'Det kan jeg ikke',
    'Det kan jeg med hjælp',
    'Det kan jeg selv',
    'Det kan jeg hjælpe andre med',
  ],
  en: [
    'I cannot do this',
    'I can do this with help',
    'I can do this on my own',
    'I can help others with this',
  ],
  ar: [
    'لا أستطيع فعل ذلك',
    'أستطيع فعل ذلك بمساعدة',
    'أستطيع فعل ذلك بنفسي',
    'أستطيع مساعدة الآخرين في ذلك',
  ],
  so: [
    'Tan ma samayn karo',
    'Tan waan samayn karaa haddii la i caawiyo',
    'Tan keligay ayaan samayn karaa',
    'Tan waan ku caawin karaa dadka kale',
  ],
  tr: [
    'Bunu yapamam',
    'Bunu yardımla yapabilirim',
    'Bunu kendim yapabilirim',
    'Bu konuda başkalarına yardım edebilirim',
  ],
  ur: [
    'میں یہ نہیں کر سکتا',
    'میں یہ مدد سے کر سکتا ہوں',
    'میں یہ خود کر سکتا ہوں',
    'میں اس میں دوسروں کی مدد کر سکتا ہوں',
  ],
  fa: [
    'این کار را نمی‌توانم انجام دهم',
    'این کار را با کمک می‌توانم انجام دهم',
    'این کار را خودم می‌توانم انجام دهم',
    'در این کار می‌توانم به دیگران کمک کنم',
  ],
  pl: [
    'Nie umiem tego zrobić',
    'Umiem to zrobić z pomocą',
    'Umiem to zrobić samodzielnie',
    'Umiem w tym pomóc innym',
  ],
  uk: [
    'Я не вмію цього робити',
    'Я можу це зробити з допомогою',
    'Я можу це зробити самостійно',
    'Я можу допомогти з цим іншим',
  ],
};

/**
 * Start values before any calibration: the DigComp level sets the difficulty (levels 1–6 spread
 * over θ from −2.25 to 1.5); practice tasks are taken to discriminate more than knowledge
 * questions. Calibration from real answers replaces them.
 */
export function startParameters(entry: Pick<BankEntry, 'type' | 'level'>): IrtItem {
  const b = -2.25 + 0.75 * (entry.level - 1);
  if (entry.type === 'self_rating') {
    const a = 1.0;
    return { kind: 'grm', a, d: [-a * (b - 1), -a * b, -a * (b + 1)] };
  }
  const a = entry.type === 'simulation' ? 1.7 : 1.2;
  return { kind: '2pl', a, d: -a * b };
}

export function areaOf(competence: string): string {
  return competence.split('.')[0]!;
}

/** Problems with an entry, as short English sentences; empty when it is usable. */
export function validateEntry(e: BankEntry): string[] {
  const problems: string[] = [];
  if (!/^[1-5]\.[1-6]$/.test(e.competence))
    problems.push(`${e.id}: competence "${e.competence}" is not DigComp 2.2`);
  if (e.level < 1 || e.level > 6) problems.push(`${e.id}: level must be 1–6`);
  if (e.type === 'knowledge') {
    for (const lang of ['da', 'en'] as const) {
      const t = e.text[lang];
      if (!t.stem.trim()) problems.push(`${e.id}: empty ${lang} stem`);
      if (t.options.length < 2 || t.options.length > 6)
        problems.push(`${e.id}: ${lang} needs 2–6 options`);
      if (t.options.some((o) => !o.trim())) problems.push(`${e.id}: empty ${lang} option`);
    }
    if (e.text.da.options.length !== e.text.en.options.length)
      problems.push(`${e.id}: da/en option counts differ`);
    if (e.correct < 0 || e.correct >= e.text.da.options.length)
      problems.push(`${e.id}: correct option out of range`);
  } else if (e.type === 'simulation') {
    for (const lang of ['da', 'en'] as const) {
      if (!e.text[lang].task.trim()) problems.push(`${e.id}: empty ${lang} task`);
      if (e.text[lang].cards.length < 2) problems.push(`${e.id}: ${lang} needs at least 2 cards`);
    }
    if (e.text.da.cards.length !== e.text.en.cards.length)
      problems.push(`${e.id}: da/en card counts differ`);
    if (e.correct < 0 || e.correct >= e.text.da.cards.length)
      problems.push(`${e.id}: correct card out of range`);
    const interactive = [e.upload, e.login, e.reply].filter(Boolean).length;
    if (interactive > 1) problems.push(`${e.id}: one interactive practice per item`);
    if (interactive === 1 && (e.text.da.cards.length !== INTERACTIVE_OUTCOMES || e.correct !== 0))
      problems.push(`${e.id}: an interactive task has two outcomes, done right (0) and not (1)`);
    if (e.login) {
      if (!e.login.userId.trim() || !e.login.service.trim() || !e.login.requester.trim())
        problems.push(`${e.id}: a login needs a user ID, a service and a requester`);
      if (e.login.method === 'code_display' && !/^\d{6}$/.test(e.login.code ?? ''))
        problems.push(`${e.id}: a code display shows six digits`);
    }
    if (e.reply) {
      const da = e.text.da.letters ?? [];
      const en = e.text.en.letters ?? [];
      if (da.length < 2 || da.length !== en.length)
        problems.push(`${e.id}: an inbox needs at least 2 letters, as many in da as in en`);
      if (!Number.isInteger(e.reply.letter) || e.reply.letter < 0 || e.reply.letter >= da.length)
        problems.push(`${e.id}: the letter to answer is out of range`);
      if ([...da, ...en].some((l) => !l.from.trim() || !l.subject.trim() || !l.body.trim()))
        problems.push(`${e.id}: every letter needs a sender, a subject and a text`);
    }
    if (e.upload) {
      if (e.upload.accept.length === 0 || e.upload.accept.some((x) => !/^\.[a-z0-9]+$/.test(x)))
        problems.push(`${e.id}: upload needs file endings like ".pdf"`);
      if (!(e.upload.maxKb > 0)) problems.push(`${e.id}: upload needs a size limit`);
    }
  } else {
    if (!e.text.da.statement.trim() || !e.text.en.statement.trim())
      problems.push(`${e.id}: empty statement`);
  }
  return problems;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * An item's texts after its Danish or English changed: the translations describe the old
 * wording, so they go (the item is shown in those languages again once translated anew).
 */
export function keepTranslations<T>(before: ItemTexts<T>, after: ItemTexts<T>): ItemTexts<T> {
  return sameJson(before.da, after.da) && sameJson(before.en, after.en)
    ? { ...before, ...after }
    : after;
}

/**
 * A kept item brought up to the original bank: the translations it has gained since the item
 * was copied in, and its plain-Danish wording where the copy still holds an earlier one. Null
 * when there is nothing to bring, or when an admin has changed the item's Danish or English
 * (then it is theirs: a new language waits for a translation of their words).
 */
export function withOriginalUpdates(
  kept: BankEntry,
  original: BankEntry,
  /** The original's earlier Danish wordings (earlier-wording.ts). */
  earlierDanish: readonly unknown[] = [],
): BankEntry | null {
  if (kept.type !== original.type || !sameJson(kept.text.en, original.text.en)) return null;
  const current = sameJson(kept.text.da, original.text.da);
  if (!current && !earlierDanish.some((da) => sameJson(kept.text.da, da))) return null;
  const added = Object.keys(original.text).some((l) => !(l in kept.text));
  if (current && !added) return null;
  return { ...kept, text: { ...original.text, ...kept.text, da: original.text.da } } as BankEntry;
}

/** The community languages an item has no texts in (tests in those languages leave it out). */
export function untranslated(entry: Pick<BankEntry, 'text'>): CommunityLang[] {
  return COMMUNITY_LANGS.filter((l) => entry.text[l] === undefined);
}
