// DigComp 2.2 titles by id, for plans, badges and certificates. Pure; the web client uses it too.
import framework from '../vocabulary/digcomp/digcomp-2.2.json';

type Lang = 'da' | 'en';
const titles = new Map<string, { da: string; en: string }>();
for (const area of framework.areas) {
  titles.set(area.id, area.title);
  for (const c of area.competences) titles.set(c.id, c.title);
}

export const DIGCOMP_URL =
  'https://joint-research-centre.ec.europa.eu/projects-and-activities/education-and-training/digital-transformation-education/digital-competence-framework-citizens-digcomp_en';

/** The title of a DigComp area ('3') or competence ('3.4'); the id itself if unknown. */
export function digcompTitle(id: string, lang: Lang): string {
  return titles.get(id)?.[lang] ?? id;
}

export function competencesOfArea(area: string): string[] {
  return framework.areas.find((a) => a.id === area)?.competences.map((c) => c.id) ?? [];
}
