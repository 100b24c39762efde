// Helpers that keep the item texts compact: the right answer is written first and moved to a
// position that depends on the item id, so it is not always the first option.
import type { BankEntry, BasicTopic, Level, SimulationKind, SimulationText } from './bank.model';

function spot(id: string, n: number): number {
  let h = 0;
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h % n;
}

function place<T>(right: T, wrong: T[], at: number): T[] {
  const out = [...wrong];
  out.splice(at, 0, right);
  return out;
}

/** A knowledge question: [stem, right answer, wrong answers …] in Danish and English. */
export function k(
  id: string,
  competence: string,
  level: Level,
  da: [string, string, ...string[]],
  en: [string, string, ...string[]],
  basic?: BasicTopic,
): BankEntry {
  const [daStem, daRight, ...daWrong] = da;
  const [enStem, enRight, ...enWrong] = en;
  const at = spot(id, daWrong.length + 1);
  return {
    id,
    competence,
    level,
    type: 'knowledge',
    correct: at,
    text: {
      da: { stem: daStem, options: place(daRight, daWrong, at) },
      en: { stem: enStem, options: place(enRight, enWrong, at) },
    },
    ...(basic ? { basic } : {}),
  };
}

type Card = SimulationText['cards'][number];

/** A practice task: the citizen picks the right card; the first card given is the right one. */
export function sim(
  id: string,
  kind: SimulationKind,
  competence: string,
  level: Level,
  da: { task: string; cards: [Card, ...Card[]] },
  en: { task: string; cards: [Card, ...Card[]] },
  basic?: BasicTopic,
): BankEntry {
  const at = spot(id, da.cards.length);
  const [daRight, ...daWrong] = da.cards;
  const [enRight, ...enWrong] = en.cards;
  return {
    id,
    competence,
    level,
    type: 'simulation',
    kind,
    correct: at,
    text: {
      da: { task: da.task, cards: place(daRight, daWrong, at) },
      en: { task: en.task, cards: place(enRight, enWrong, at) },
    },
    ...(basic ? { basic } : {}),
  };
}

/** An "I can …" statement, answered on the four-step scale. */
export function sr(
  id: string,
  competence: string,
  level: Level,
  da: string,
  en: string,
  basic?: BasicTopic,
): BankEntry {
  return {
    id,
    competence,
    level,
    type: 'self_rating',
    text: { da: { statement: da }, en: { statement: en } },
    ...(basic ? { basic } : {}),
  };
}
