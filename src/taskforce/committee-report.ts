// The report to the employment and integration committee, in Danish: the status of each
// recommendation with its indicators and a plot, the pilots with verdicts and effects, the
// budget, and the taskforce's own text per section. The same content twice: a tagged PDF to
// read and keep, and a DOCX the taskforce can edit further.
import SVGtoPDF from 'svg-to-pdfkit';
import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { accessiblePdf, svgFont } from '../platform/pdf';
import {
  INDICATOR_SPECS,
  RECOMMENDATIONS,
  type Indicator,
  type Recommendation,
  type ReportSection,
} from './taskforce.constants';
import type {
  ActionView,
  BudgetView,
  IndicatorsView,
  IndicatorView,
  PilotsView,
} from './taskforce.contract';

export interface ReportData {
  title: string;
  municipality: string;
  issuedOn: string;
  indicators: IndicatorsView;
  pilots: PilotsView;
  budget: BudgetView;
  actions: ActionView[];
  texts: Partial<Record<ReportSection, string>>;
}

const REC_TITLES: Record<Recommendation, string> = {
  r1: 'Anbefaling 1: Opkvalificering på arbejdspladsen',
  r2: 'Anbefaling 2: Varierede læringsformer',
  r3: 'Anbefaling 3: Korte, intensive forløb',
  r4: 'Anbefaling 4: Kendskab til virksomhedernes digitale behov',
  r5: 'Anbefaling 5: Tidlig afklaring af nyledige',
  r6: 'Anbefaling 6: Akademikere i SMV’er',
  r7: 'Anbefaling 7: Pilotprojekter, der viser hvad der virker',
  track1: 'Spor 1: De digitale værksteder',
};

export const SECTION_TITLES: Record<ReportSection, string> = {
  summary: 'Sammenfatning',
  ...REC_TITLES,
  pilots: 'Pilotprojekterne',
  budget: 'Budget',
};

const INDICATOR_NAMES: Record<Indicator, string> = {
  workplace_share: 'Andel af opkvalificeringen på en arbejdsplads',
  methods_in_use: 'Læringsformer i brug',
  short_share: 'Andel på korte, intensive forløb',
  short_completion: 'Gennemførte korte forløb',
  companies_with_demand: 'Virksomheder med kendt efterspørgsel (nye i perioden)',
  survey_response: 'Svarprocent i spørgeskemaet',
  roles_posted: 'Roller oprettet',
  ads_analysed: 'Jobopslag analyseret',
  new_citizens: 'Nye borgere',
  offered_share: 'Andel nye tilbudt testen',
  tested_share: 'Andel nye testet',
  academics_in_contact: 'Akademikere i kontakt med en SMV',
  academics_placed: 'Akademikere i praktik eller job i en SMV',
  pilots_started: 'Pilotprojekter startet',
  pilots_running: 'Pilotprojekter i gang',
  pilots_continued: 'Pilotprojekter videreført',
  pilots_closed: 'Pilotprojekter lukket',
  workshop_visits: 'Besøg i værkstederne',
  median_wait: 'Ventetid (median)',
  resolved_share: 'Andel besøg, hvor problemet blev løst',
};

const STATUS: Record<string, string> = {
  planned: 'Planlagt',
  in_progress: 'I gang',
  done: 'Udført',
  cancelled: 'Aflyst',
  recruiting: 'Rekrutterer',
  running: 'I gang',
  evaluating: 'Evalueres',
  continued: 'Videreført',
  closed: 'Lukket',
};
const VERDICT: Record<string, string> = {
  continue: 'Fortsæt',
  close: 'Luk',
  not_yet_decided: 'Ikke afgjort endnu',
  too_early: 'For tidligt at afgøre',
};

const num = (v: number, digits = 0) =>
  v.toLocaleString('da-DK', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
const kr = (v: number | null) => (v === null ? '–' : `${num(v)} kr.`);

function valueText(i: { value: number | null; suppressed: boolean }, id: Indicator): string {
  if (i.suppressed) return 'under 5';
  if (i.value === null) return '–';
  const unit = INDICATOR_SPECS[id].unit;
  if (unit === 'share') return `${num(i.value * 100)} %`;
  if (unit === 'minutes') return `${num(i.value)} min.`;
  return num(i.value);
}

function targetText(i: IndicatorView): string {
  if (i.target === null) return 'intet mål';
  return `${i.lowerIsBetter ? '≤' : '≥'} ${valueText({ value: i.target, suppressed: false }, i.id)}`;
}

const onTargetText = (i: IndicatorView) =>
  i.onTarget === null ? '' : i.onTarget ? 'nået' : 'ikke nået';

/** A bar per month of an indicator, as SVG for the PDF. */
export function trendSvg(title: string, indicator: IndicatorView): string {
  const W = 500;
  const H = 180;
  const pad = { l: 44, r: 10, t: 24, b: 30 };
  const values = indicator.trend.map((m) =>
    m.value === null ? null : indicator.unit === 'share' ? m.value * 100 : m.value,
  );
  const max = Math.max(1, ...values.map((v) => v ?? 0));
  const bw = (W - pad.l - pad.r) / Math.max(1, values.length);
  const y = (v: number) => H - pad.b - ((H - pad.t - pad.b) * v) / max;
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const bars = values
    .map((v, i) =>
      v === null
        ? ''
        : `<rect x="${pad.l + i * bw + bw * 0.15}" y="${y(v)}" width="${bw * 0.7}" height="${H - pad.b - y(v)}" fill="#004993"/>`,
    )
    .join('');
  const every = Math.max(1, Math.ceil(values.length / 8));
  const labels = indicator.trend
    .map((m, i) =>
      i % every === 0
        ? `<text x="${pad.l + (i + 0.5) * bw}" y="${H - 12}" font-size="9" text-anchor="middle">${m.month}</text>`
        : '',
    )
    .join('');
  const unit = indicator.unit === 'share' ? ' %' : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
<text x="${pad.l}" y="14" font-size="11">${esc(title)}</text>
<line x1="${pad.l}" x2="${W - pad.r}" y1="${H - pad.b}" y2="${H - pad.b}" stroke="#999"/>
<text x="${pad.l - 4}" y="${y(max) + 4}" font-size="9" text-anchor="end">${num(max)}${unit}</text>
<text x="${pad.l - 4}" y="${H - pad.b}" font-size="9" text-anchor="end">0</text>
${bars}${labels}</svg>`;
}

const periodText = (d: ReportData) =>
  `Perioden ${d.indicators.period.from} til ${d.indicators.period.to}, ${d.municipality}.`;

/** The report's tables, header row first: the same in the PDF and the DOCX. */
const tables = {
  indicators: (rows: IndicatorView[]) => [
    ['Indikator', 'Værdi', 'Mål', 'Status'],
    ...rows.map((i) => [INDICATOR_NAMES[i.id], valueText(i, i.id), targetText(i), onTargetText(i)]),
  ],
  actions: (actions: ActionView[]) => [
    ['Handling', 'Ansvarlig', 'Frist', 'Status'],
    ...actions.map((a) => [
      a.title,
      a.owner,
      a.dueOn,
      `${STATUS[a.status] ?? a.status}${a.late ? ' (forsinket)' : ''}`,
    ]),
  ],
  pilots: (d: ReportData) => [
    ['Projekt', 'Status', 'Afgørelse', 'Effekt (pp, 95 %)', 'Pr. deltager', 'Pr. job'],
    ...d.pilots.pilots.map((p) => [
      p.name,
      STATUS[p.status] ?? p.status,
      p.verdict ? (VERDICT[p.verdict] ?? p.verdict) : '–',
      p.effect
        ? `${num(p.effect.estimate, 1)} (${num(p.effect.ci95[0], 1)} – ${num(p.effect.ci95[1], 1)})`
        : '–',
      kr(p.costPerParticipant),
      kr(p.costPerExit),
    ]),
  ],
  quarters: (d: ReportData) => [
    ['Kvartal', 'Disponeret', 'Brugt', 'Brugt i alt'],
    ...d.budget.quarters.map((q) => [
      q.quarter,
      kr(q.committed),
      kr(q.spent),
      kr(q.cumulativeSpent),
    ]),
  ],
};

const budgetText = ({ budget: b }: ReportData) =>
  `Budget ${kr(b.settings.totalDkk)} fra ${b.settings.startsOn} til ${b.settings.endsOn}. Disponeret ${kr(b.totals.committed)}, brugt ${kr(b.totals.spent)}. Forventet forbrug ved periodens slut: ${kr(b.forecast.spentAtEnd)} (${b.forecast.overBudget ? 'over' : 'inden for'} budgettet).`;

/** The report as a tagged PDF. */
export function committeePdf(d: ReportData): Promise<Buffer> {
  const pdf = accessiblePdf({ title: d.title, lang: 'da', margin: 50 });
  const { doc, heading, paragraph, figure } = pdf;
  const table = (rows: string[][], widths: number[]) => {
    for (const [k, r] of rows.entries()) {
      const top = doc.y;
      let x = doc.page.margins.left;
      let bottom = top;
      for (const [i, cell] of r.entries()) {
        doc.font(k === 0 ? 'Bold' : 'Body').fontSize(9);
        doc.text(cell, x, top, { width: widths[i]! - 6 });
        bottom = Math.max(bottom, doc.y);
        x += widths[i]!;
      }
      doc.x = doc.page.margins.left;
      doc.y = bottom + 3;
    }
    doc.moveDown(0.5);
  };
  const own = (s: ReportSection) => {
    const text = d.texts[s]?.trim();
    if (text) paragraph(text, 11);
    doc.moveDown(0.3);
  };
  heading(d.title, 1, 20);
  paragraph(`Til Beskæftigelses- og Integrationsudvalget. Udstedt ${d.issuedOn}.`, 11);
  paragraph(periodText(d), 11);
  paragraph(
    'Alle tal er beregnet af Digiløft fra platformens egne data. Tal under 5 personer vises ikke.',
    9,
  );
  doc.moveDown();
  heading(SECTION_TITLES.summary, 2, 14);
  own('summary');
  for (const rec of RECOMMENDATIONS) {
    if (doc.y > 600) doc.addPage();
    heading(SECTION_TITLES[rec], 2, 14);
    own(rec);
    const rows = d.indicators.indicators.filter((i) => i.recommendation === rec);
    table(tables.indicators(rows), [230, 90, 90, 80]);
    const main = rows.find((i) => i.trend.length > 0);
    if (main) {
      const title = `${INDICATOR_NAMES[main.id]} pr. måned`;
      if (doc.y > 560) doc.addPage();
      figure(`${title}, ${main.trend.length} måneder.`, () => {
        SVGtoPDF(doc, trendSvg(title, main), doc.page.margins.left, doc.y, {
          width: 420,
          height: 150,
          fontCallback: svgFont,
        });
      });
      doc.y += 160;
      doc.x = doc.page.margins.left;
    }
    const actions = d.actions.filter((a) => a.recommendation === rec);
    if (actions.length > 0) {
      paragraph('Handlinger:', 10);
      table(tables.actions(actions), [220, 110, 70, 90]);
    }
  }
  doc.addPage();
  heading(SECTION_TITLES.pilots, 2, 14);
  own('pilots');
  table(tables.pilots(d), [130, 60, 70, 100, 70, 65]);
  heading(SECTION_TITLES.budget, 2, 14);
  own('budget');
  paragraph(budgetText(d), 11);
  table(tables.quarters(d), [100, 120, 120, 120]);
  return pdf.end();
}

/** The same report as a DOCX to edit further (tables as tables, the taskforce's text as text). */
export function committeeDocx(d: ReportData): Promise<Buffer> {
  const p = (text: string, bold = false) =>
    new Paragraph({ children: [new TextRun({ text, bold })] });
  const h = (text: string, level: 1 | 2) =>
    new Paragraph({ text, heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2 });
  const table = (rows: string[][]) =>
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: rows.map(
        (r, k) =>
          new TableRow({
            tableHeader: k === 0,
            children: r.map((c) => new TableCell({ children: [p(c, k === 0)] })),
          }),
      ),
    });
  const own = (s: ReportSection) => {
    const text = d.texts[s]?.trim();
    return text ? text.split(/\n+/).map((line) => p(line)) : [];
  };
  const body: (Paragraph | Table)[] = [
    h(d.title, 1),
    p(`Til Beskæftigelses- og Integrationsudvalget. Udstedt ${d.issuedOn}.`),
    p(periodText(d)),
    p(
      'Alle tal er beregnet af Digiløft fra platformens egne data. Tal under 5 personer vises ikke.',
    ),
    h(SECTION_TITLES.summary, 2),
    ...own('summary'),
  ];
  for (const rec of RECOMMENDATIONS) {
    const rows = d.indicators.indicators.filter((i) => i.recommendation === rec);
    body.push(h(SECTION_TITLES[rec], 2), ...own(rec), table(tables.indicators(rows)));
    const actions = d.actions.filter((a) => a.recommendation === rec);
    if (actions.length > 0) body.push(p('Handlinger:'), table(tables.actions(actions)));
  }
  body.push(
    h(SECTION_TITLES.pilots, 2),
    ...own('pilots'),
    table(tables.pilots(d)),
    h(SECTION_TITLES.budget, 2),
    ...own('budget'),
    p(budgetText(d)),
    table(tables.quarters(d)),
  );
  const doc = new Document({
    creator: 'Digiløft',
    title: d.title,
    styles: { default: { document: { run: { font: 'IBM Plex Sans', size: 22 } } } },
    sections: [{ properties: {}, children: body }],
  });
  return Packer.toBuffer(doc);
}
