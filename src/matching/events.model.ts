// A matchmaking event's rules, pure: its slot times, the scheduler's input from the wishes, and
// why a candidate got no meeting.
import { createHash } from 'node:crypto';
import type { ScheduleInput, ScheduleResult } from './scheduler/schedule.model';
import { wishWeight, type CompanyAnswer, type ConsultantRule } from './matching.constants';

export interface SlotPlan {
  startsAt: string;
  slotMinutes: number;
  slotCount: number;
  breakEvery: number;
  breakMinutes: number;
}

const toMinutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
};
const toClock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Each slot's start and end (HH:MM, Copenhagen), with the breaks between them. */
export function slotTimes(p: SlotPlan): { start: string; end: string }[] {
  const out: { start: string; end: string }[] = [];
  let t = toMinutes(p.startsAt);
  for (let s = 0; s < p.slotCount; s++) {
    if (s > 0 && p.breakEvery > 0 && s % p.breakEvery === 0) t += p.breakMinutes;
    out.push({ start: toClock(t), end: toClock(t + p.slotMinutes) });
    t += p.slotMinutes;
  }
  return out;
}

/** The day must end before midnight. */
export function slotsFitDay(p: SlotPlan): boolean {
  const times = slotTimes(p);
  const last = times[times.length - 1];
  return last !== undefined && toMinutes(p.startsAt) + totalMinutes(p) <= 24 * 60;
}

const totalMinutes = (p: SlotPlan) =>
  p.slotCount * p.slotMinutes +
  (p.breakEvery > 0 ? Math.floor((p.slotCount - 1) / p.breakEvery) * p.breakMinutes : 0);

export interface WishRow {
  citizenId: string;
  eventCompanyId: string;
  rank: number | null;
  companyAnswer: CompanyAnswer | null;
  rule: ConsultantRule | null;
  pinSlot: number | null;
}

export interface EventParties {
  slotCount: number;
  maxMeetings: number;
  companies: { id: string; tables: number; unavailable: number[] }[];
  /** Registered candidates only (and, on the day, only those present). */
  candidates: { citizenId: string; unavailable: number[] }[];
  wishes: WishRow[];
  /** Meetings that must stay as they are (held ones, on the day). */
  fixed?: { eventCompanyId: string; citizenId: string; slot: number }[];
  /** Slots that are over (on the day): nobody is scheduled in them again. */
  pastSlots?: number;
}

/** The scheduler's input from an event's companies, candidates, wishes and the consultant's rules. */
export function scheduleInputOf(e: EventParties): ScheduleInput {
  const candidateIds = new Set(e.candidates.map((c) => c.citizenId));
  const companyIds = new Set(e.companies.map((c) => c.id));
  const wishes = e.wishes.filter(
    (w) => candidateIds.has(w.citizenId) && companyIds.has(w.eventCompanyId),
  );
  const fixed = new Map((e.fixed ?? []).map((f) => [`${f.eventCompanyId}/${f.citizenId}`, f.slot]));
  const preferences: ScheduleInput['preferences'] = [];
  const pinned: NonNullable<ScheduleInput['pinned']> = [];
  const forbidden: NonNullable<ScheduleInput['forbidden']> = [];
  for (const w of wishes) {
    const key = `${w.eventCompanyId}/${w.citizenId}`;
    const weight = wishWeight(w.rank, w.companyAnswer);
    const fixedSlot = fixed.get(key);
    if (w.rule === 'forbid' && fixedSlot === undefined) {
      forbidden.push({ company: w.eventCompanyId, candidate: w.citizenId });
      continue;
    }
    if (weight > 0 || w.rule === 'pin' || fixedSlot !== undefined)
      preferences.push({
        company: w.eventCompanyId,
        candidate: w.citizenId,
        weight: Math.max(weight, 1),
      });
    if (fixedSlot !== undefined)
      pinned.push({ company: w.eventCompanyId, candidate: w.citizenId, slot: fixedSlot });
    else if (w.rule === 'pin')
      pinned.push({
        company: w.eventCompanyId,
        candidate: w.citizenId,
        ...(w.pinSlot === null ? {} : { slot: w.pinSlot }),
      });
  }
  // A fixed meeting without a wish row (it cannot happen through the app) is kept all the same.
  for (const [key, slot] of fixed)
    if (!preferences.some((p) => `${p.company}/${p.candidate}` === key)) {
      const [company, candidate] = key.split('/') as [string, string];
      if (!candidateIds.has(candidate) || !companyIds.has(company)) continue;
      preferences.push({ company, candidate, weight: 1 });
      pinned.push({ company, candidate, slot });
    }
  const past = e.pastSlots ?? 0;
  const pastSlots = Array.from({ length: past }, (_, s) => s);
  const fixedSlotsOf = (pred: (f: { eventCompanyId: string; citizenId: string }) => boolean) =>
    new Set((e.fixed ?? []).filter(pred).map((f) => f.slot));
  return {
    slots: e.slotCount,
    companies: e.companies.map((c) => ({ id: c.id, tables: c.tables })),
    candidates: e.candidates.map((c) => ({ id: c.citizenId, maxMeetings: e.maxMeetings })),
    preferences,
    unavailable: [
      ...e.companies.flatMap((c) => {
        const keep = fixedSlotsOf((f) => f.eventCompanyId === c.id);
        return [...new Set([...c.unavailable, ...pastSlots])]
          .filter((s) => s < e.slotCount && !keep.has(s))
          .map((slot) => ({ company: c.id, slot }));
      }),
      ...e.candidates.flatMap((c) => {
        const keep = fixedSlotsOf((f) => f.citizenId === c.citizenId);
        return [...new Set([...c.unavailable, ...pastSlots])]
          .filter((s) => s < e.slotCount && !keep.has(s))
          .map((slot) => ({ candidate: c.citizenId, slot }));
      }),
    ],
    pinned,
    forbidden,
  };
}

export type UnmetReason = 'no_wishes' | 'all_declined' | 'unavailable' | 'tables_full';

/**
 * Why a registered candidate got no meeting: they wished no company; every company they wished
 * declined (or the consultant forbade it); they marked every slot the wished companies have
 * free; or the wished companies' tables were full with heavier wishes.
 */
export function unmetReasons(
  e: EventParties,
  result: Pick<ScheduleResult, 'meetings'>,
): Map<string, UnmetReason> {
  const met = new Set(result.meetings.map((m) => m.candidate));
  const out = new Map<string, UnmetReason>();
  for (const c of e.candidates) {
    if (met.has(c.citizenId)) continue;
    const mine = e.wishes.filter((w) => w.citizenId === c.citizenId && w.rank !== null);
    if (mine.length === 0) {
      out.set(c.citizenId, 'no_wishes');
      continue;
    }
    const open = mine.filter((w) => w.companyAnswer !== 'decline' && w.rule !== 'forbid');
    if (open.length === 0) {
      out.set(c.citizenId, 'all_declined');
      continue;
    }
    const busy = new Set(c.unavailable);
    const canMeet = open.some((w) => {
      const company = e.companies.find((x) => x.id === w.eventCompanyId);
      if (!company) return false;
      const closed = new Set(company.unavailable);
      for (let s = 0; s < e.slotCount; s++) if (!busy.has(s) && !closed.has(s)) return true;
      return false;
    });
    out.set(c.citizenId, canMeet ? 'tables_full' : 'unavailable');
  }
  return out;
}

/**
 * An anonymous name for a candidate at one event (companies see this, not the name): stable
 * within the event, unrelated across events, so a company cannot follow a person between them.
 */
export function candidateHandle(eventId: string, citizenId: string): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const digest = createHash('sha256').update(`${eventId}:${citizenId}`).digest();
  let s = '';
  for (let i = 0; i < 5; i++) s += alphabet[digest[i]! % 32];
  return `K-${s}`;
}
