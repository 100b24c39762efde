// Derives src/learning/esco/esco-digital.json from the official ESCO v1.1.1 CSV export
// (shared/reference/esco): every occupation with its ISCO group and its *essential* digital
// skills, and for each digital skill the ESCO skill groups (or ISCED-F fields) it sits under.
// The mapping from those groups to DigComp competences lives in learning/esco.ts, so it is
// tested and can change without rebuilding this file.
//
//   npx tsx scripts/build-esco.ts [../shared/reference/esco]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

type Row = Record<string, string>;
const dir = path.resolve(process.argv[2] ?? '../shared/reference/esco');
const classification = path.join(dir, 'esco-v1.1.1-classification-en-csv.zip');
const relations = path.join(dir, 'esco-v1.1.1-relations-csv.zip');
const out = path.resolve('src/learning/esco/esco-digital.json');

function csv(zip: string, file: string): Row[] {
  const text = execFileSync('unzip', ['-p', zip, file], { maxBuffer: 1 << 30 }).toString('utf8');
  return parse<Row>(text, { columns: true, skip_empty_lines: true, relax_column_count: true });
}

const short = (uri: string) => uri.slice(uri.lastIndexOf('/') + 1);

const digital = new Map<string, Row>();
for (const r of csv(classification, 'digitalSkillsCollection_en.csv'))
  digital.set(r.conceptUri!, r);
for (const r of csv(classification, 'digCompSkillsCollection_en.csv'))
  if (r.skillType) digital.set(r.conceptUri!, r);

// Skill-pillar hierarchy codes (S5.6.1, T1.3, …) and the broader relations to walk up.
const codeOf = new Map<string, string>();
for (const r of csv(classification, 'skillsHierarchy_en.csv'))
  for (const level of ['3', '2', '1', '0']) {
    const uri = r[`Level ${level} URI`];
    if (uri) {
      codeOf.set(uri, r[`Level ${level} code`]!);
      break;
    }
  }
const broader = new Map<string, string[]>();
for (const r of csv(relations, 'broaderRelationsSkillPillar.csv')) {
  const list = broader.get(r.conceptUri!) ?? [];
  list.push(r.broaderUri!);
  broader.set(r.conceptUri!, list);
}

/** The nearest digital groups above a skill: S5.* / T1.3 codes, or ISCED-F fields (F0613). */
function groupsOf(uri: string, seen = new Set<string>()): Set<string> {
  const found = new Set<string>();
  for (const b of broader.get(uri) ?? []) {
    if (seen.has(b)) continue;
    seen.add(b);
    const code = codeOf.get(b);
    if (b.includes('/isced-f/')) found.add(`F${short(b)}`);
    else if (code && (code.startsWith('S5') || code.startsWith('T1.3'))) found.add(code);
    else for (const g of groupsOf(b, seen)) found.add(g);
  }
  return found;
}

const essential = new Map<string, string[]>();
for (const r of csv(relations, 'occupationSkillRelations.csv')) {
  if (r.relationType !== 'essential' || !digital.has(r.skillUri!)) continue;
  const list = essential.get(r.occupationUri!) ?? [];
  list.push(r.skillUri!);
  essential.set(r.occupationUri!, list);
}

const skillIndex = new Map<string, number>();
const skills: [string, string, string, string[]][] = [];
for (const [uri, r] of [...digital].sort((a, b) => a[0].localeCompare(b[0]))) {
  const groups = [...groupsOf(uri)].sort();
  skillIndex.set(uri, skills.length);
  skills.push([short(uri), r.preferredLabel!, r.reuseLevel ?? '', groups]);
}

const occupations = csv(classification, 'occupations_en.csv')
  .map((r) => {
    const alt = (r.altLabels ?? '')
      .split('\n')
      .map((s) => s.trim())
      .filter((s) => s && s !== r.preferredLabel);
    const mine = [...new Set((essential.get(r.conceptUri!) ?? []).map((u) => skillIndex.get(u)!))];
    return [
      short(r.conceptUri!),
      r.code!,
      r.iscoGroup!,
      r.preferredLabel!,
      alt.slice(0, 6),
      mine.sort((a, b) => a - b),
    ] as const;
  })
  .sort((a, b) => a[3].localeCompare(b[3]));

fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(
  out,
  JSON.stringify({
    version: 'ESCO v1.1.1',
    attribution: 'This service uses the ESCO classification of the European Commission.',
    skillFields: ['id', 'label', 'reuseLevel', 'groups'],
    occupationFields: ['id', 'code', 'iscoGroup', 'label', 'altLabels', 'essentialDigitalSkills'],
    skills,
    occupations,
  }) + '\n',
);
console.log(`${occupations.length} occupations, ${skills.length} digital skills → ${out}`);
