// Turning plan reasons, competences and places into the reader's language.
import type { TFunction } from 'i18next';
import { digcompTitle } from '../digcomp.model';
import type { EnrolmentView, PlanView } from '../learning.contract';

type Lang = 'da' | 'en';
export const langOf = (l: string): Lang => (l === 'en' ? 'en' : 'da');

/** "3.4 Programmering": the id and the title of a DigComp competence or area. */
export const competenceLabel = (id: string, lang: string) =>
  `${id} ${digcompTitle(id, langOf(lang))}`;

type Reason = PlanView['items'][number]['reasons'][number];

export function reasonText(t: TFunction, r: Reason, lang: string): string {
  const list = (ids?: string[]) => (ids ?? []).map((c) => competenceLabel(c, lang)).join(', ');
  return t(`learning.reasons.${r.code}`, {
    competence: r.competence ? competenceLabel(r.competence, lang) : '',
    competences: list(r.competences),
    from:
      r.from === null || r.from === undefined
        ? t('learning.reasons.notTested')
        : t('learning.levelN', { n: r.from }),
    to: r.to,
    level: r.level,
    hoursPerWeek: r.hoursPerWeek,
    weeks: r.weeks,
  });
}

export function statusText(
  t: TFunction,
  e: Pick<EnrolmentView, 'status' | 'waitlistPlace'>,
): string {
  return e.status === 'waitlisted' && e.waitlistPlace !== null
    ? t('learning.waitlistedAt', { n: e.waitlistPlace })
    : t(`learning.status.${e.status}`);
}
