// The evaluation as the committee reads it: the Kaplan–Meier plot (SVG) and the PDF report.
import PDFDocument from 'pdfkit';
import { pdfBuffer } from '../platform/pdf';
import SVGtoPDF from 'svg-to-pdfkit';
import { kmPlotSvg } from '../evaluation';
import type { PilotEvaluation } from './evaluate-pilot.model';
import type { PilotRow } from './pilots.store';

const PLOT_TEXT = {
  da: {
    participants: 'Deltagere',
    lottery: 'Kontrolgruppe (lodtrækning)',
    matching: 'Matchet sammenligningsgruppe',
    title: 'andel i job',
    weeks: 'Uger efter start',
    share: 'Andel i job',
  },
  en: {
    participants: 'Participants',
    lottery: 'Control group (lottery)',
    matching: 'Matched comparison group',
    title: 'share in work',
    weeks: 'Weeks after the start',
    share: 'Share in work',
  },
};

/** The Kaplan–Meier plot of an evaluation: share in work by week, participants and comparison. */
export function plotOf(p: PilotRow, r: PilotEvaluation, lang: 'da' | 'en'): string {
  const x = PLOT_TEXT[lang];
  return kmPlotSvg(
    [
      { name: x.participants, rows: r.km.treated },
      { name: x[r.method], rows: r.km.control },
    ],
    { title: `${p.name}: ${x.title}`, xLabel: x.weeks, yLabel: x.share, flip: true },
  );
}

const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
const pp = (v: number) => `${v >= 0 ? '+' : ''}${v.toFixed(1)}`;

/** The evaluation as a PDF for the committee: rule, verdict, rates, plot, balance. */
export function reportPdf(
  p: PilotRow,
  r: PilotEvaluation,
  svg: string,
  lang: 'da' | 'en',
): Promise<Buffer> {
  const da = lang === 'da';
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: p.name } });
  const done = pdfBuffer(doc);
  const verdicts = {
    continue: da ? 'Fortsæt' : 'Continue',
    close: da ? 'Luk' : 'Close',
    too_early: da ? 'For tidligt at afgøre' : 'Too early to tell',
  };
  doc.fontSize(18).text(`${da ? 'Evaluering' : 'Evaluation'}: ${p.name}`);
  doc.moveDown(0.5).fontSize(11);
  const rule = p.decisionRule;
  doc.text(
    da
      ? `Forhåndsregistreret beslutningsregel: overgang til job inden for ${rule.outcomeWeeks} uger (job eller selvforsørgelse i mindst ${rule.stretchWeeks} uger i træk); mindste effekt, der er værd at beholde: ${rule.minimumEffect} procentpoint; metode: ${rule.method === 'lottery' ? 'lodtrækning' : 'matchning på propensity score'}.`
      : `Pre-registered decision rule: exit to employment within ${rule.outcomeWeeks} weeks (work or self-support for at least ${rule.stretchWeeks} weeks in a row); smallest effect worth keeping: ${rule.minimumEffect} percentage points; method: ${rule.method === 'lottery' ? 'lottery' : 'propensity-score matching'}.`,
  );
  doc
    .moveDown(0.5)
    .fontSize(14)
    .text(`${da ? 'Afgørelse' : 'Verdict'}: ${verdicts[r.verdict]}`);
  doc.moveDown(0.5).fontSize(11);
  doc.text(
    `${da ? 'Deltagere' : 'Participants'}: ${r.nTreated}; ${da ? 'sammenligning' : 'comparison'}: ${r.nControl}; ${da ? 'opfølgning' : 'follow-up'}: ${r.followUpWeeks} ${da ? 'uger' : 'weeks'}.`,
  );
  doc.moveDown(0.5);
  for (const x of r.rates)
    doc.text(
      x.treated && x.control && x.difference
        ? `${x.weeks} ${da ? 'uger' : 'weeks'}: ${pct(x.treated.rate)} ${da ? 'mod' : 'vs'} ${pct(x.control.rate)}; ${da ? 'forskel' : 'difference'} ${pp(x.difference.estimate)} pp (95 % CI ${pp(x.difference.ci95[0])} ${da ? 'til' : 'to'} ${pp(x.difference.ci95[1])})`
        : `${x.weeks} ${da ? 'uger: ikke nået endnu' : 'weeks: not reached yet'}`,
    );
  const fixed = (v: number | null, digits: number) => (v === null ? '–' : v.toFixed(digits));
  doc.text(
    `Cox hazard ratio ${fixed(r.cox.hr, 2)} (95 % CI ${fixed(r.cox.ci95?.[0] ?? null, 2)}–${fixed(r.cox.ci95?.[1] ?? null, 2)}); log-rank χ² ${fixed(r.logrank.chi2, 2)}, p ${fixed(r.logrank.p, 4)}.`,
  );
  doc.text(
    `${da ? 'Fastlåsning i programmets' : 'Lock-in during the programme’s'} ${r.lockIn.weeks} ${da ? 'uger' : 'weeks'}: ${pp(r.lockIn.difference)} pp.`,
  );
  doc.moveDown(0.5);
  SVGtoPDF(doc, svg, 50, doc.y, { width: 495, height: 310 });
  doc.y += 320;
  doc
    .fontSize(12)
    .text(da ? 'Balance (standardiseret forskel)' : 'Balance (standardised difference)');
  doc.fontSize(10);
  for (const b of r.balance)
    doc.text(
      `${b.covariate}: ${da ? 'før' : 'before'} ${b.before.toFixed(2)}${b.after === null ? '' : `, ${da ? 'efter' : 'after'} ${b.after.toFixed(2)}`}`,
    );
  doc
    .moveDown(0.5)
    .fontSize(8)
    .text(
      da
        ? 'Alle tal er aggregerede; ingen personer kan genkendes i rapporten.'
        : 'All figures are aggregates; no person can be recognised in this report.',
    );
  doc.end();
  return done;
}
