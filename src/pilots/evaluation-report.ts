// The evaluation as the committee reads it: the Kaplan–Meier plot (SVG) and the PDF report.
import { accessiblePdf, svgFont } from '../platform/pdf';
import SVGtoPDF from 'svg-to-pdfkit';
import { kmPlotSvg } from '../evaluation';
import type { PilotEvaluation } from './evaluate-pilot.model';
import type { EvaluationResult } from './pilots.use-cases';
import { fullRule } from './decision.model';
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
  r: EvaluationResult,
  svg: string,
  lang: 'da' | 'en',
): Promise<Buffer> {
  const da = lang === 'da';
  const title = `${da ? 'Evaluering' : 'Evaluation'}: ${p.name}`;
  const pdf = accessiblePdf({ title, lang, margin: 50 });
  const { doc, heading, paragraph } = pdf;
  const verdicts = {
    continue: da ? 'Fortsæt' : 'Continue',
    close: da ? 'Luk' : 'Close',
    not_yet_decided: da ? 'Ikke afgjort endnu' : 'Not yet decided',
    too_early: da ? 'For tidligt at afgøre' : 'Too early to tell',
  };
  heading(title, 1, 18);
  doc.moveDown(0.5);
  const rule = fullRule(p.decisionRule);
  const level = `${da ? 'signifikansniveau' : 'significance level'} ${rule.alpha} (${rule.sides === 2 ? (da ? 'tosidet' : 'two-sided') : da ? 'ensidet' : 'one-sided'})`;
  const size = rule.plannedSize
    ? da
      ? `; planlagt størrelse ${rule.plannedSize.participants} deltagere og ${rule.plannedSize.controls} i sammenligningsgruppen (styrke ${rule.power * 100} % ved en forventet jobrate på ${rule.plannedSize.expectedRate} %)`
      : `; planned size ${rule.plannedSize.participants} participants and ${rule.plannedSize.controls} comparisons (power ${rule.power * 100} % at an expected exit rate of ${rule.plannedSize.expectedRate} %)`
    : '';
  const looks =
    rule.looks.length > 0
      ? da
        ? `; planlagte kig ved ${rule.looks.join(', ')} af informationen (${rule.spending === 'obf' ? 'O’Brien–Fleming-type' : 'Pocock-type'} alpha spending)`
        : `; planned looks at ${rule.looks.join(', ')} of the information (${rule.spending === 'obf' ? 'O’Brien–Fleming-type' : 'Pocock-type'} alpha spending)`
      : '';
  paragraph(
    da
      ? `Forhåndsregistreret beslutningsregel: overgang til job inden for ${rule.outcomeWeeks} uger (job eller selvforsørgelse i mindst ${rule.stretchWeeks} uger i træk); mindste effekt, der er værd at beholde: ${rule.minimumEffect} procentpoint; metode: ${rule.method === 'lottery' ? 'lodtrækning' : 'matchning på propensity score'}; ${level}${size}${looks}.`
      : `Pre-registered decision rule: exit to employment within ${rule.outcomeWeeks} weeks (work or self-support for at least ${rule.stretchWeeks} weeks in a row); smallest effect worth keeping: ${rule.minimumEffect} percentage points; method: ${rule.method === 'lottery' ? 'lottery' : 'propensity-score matching'}; ${level}${size}${looks}.`,
    11,
  );
  doc.moveDown(0.5);
  heading(`${da ? 'Afgørelse' : 'Verdict'}: ${verdicts[r.verdict]}`, 2, 14);
  const d = r.decision;
  if (d.interval)
    paragraph(
      da
        ? `Effekt efter ${rule.outcomeWeeks} uger: ${pp(r.effect!.estimate)} procentpoint (${Math.round((1 - rule.alpha) * 100)} %-interval ${pp(d.interval[0])} til ${pp(d.interval[1])}). Fortsæt kræver, at intervallet udelukker 0 og estimatet når ${rule.minimumEffect}; luk kræver, at intervallets øvre grænse er under ${rule.minimumEffect}.`
        : `Effect at ${rule.outcomeWeeks} weeks: ${pp(r.effect!.estimate)} percentage points (${Math.round((1 - rule.alpha) * 100)} % interval ${pp(d.interval[0])} to ${pp(d.interval[1])}). Continue needs the interval to exclude 0 and the estimate to reach ${rule.minimumEffect}; close needs the interval's upper end below ${rule.minimumEffect}.`,
      11,
    );
  if (d.settle)
    paragraph(
      da
        ? `Hvis estimatet holder, afgør omkring ${d.settle.participants} deltagere og ${d.settle.controls} i sammenligningsgruppen mere spørgsmålet (mod ${d.settle.towards === 'continue' ? 'fortsæt' : 'luk'}).`
        : `If the estimate holds, about ${d.settle.participants} more participants and ${d.settle.controls} more comparisons would settle it (towards ${d.settle.towards}).`,
      11,
    );
  if (r.sequential) {
    heading(da ? 'Planlagte kig' : 'Planned looks', 2, 12);
    for (const l of r.sequential.planned)
      paragraph(
        l.record
          ? `${da ? 'Kig' : 'Look'} ${l.look} (${fixed(l.record.fraction, 2)}): ${da ? 'grænse' : 'boundary'} z ${fixed(l.record.boundary, 3)}, z ${fixed(l.record.z, 3)} → ${lookWords(l.record.decision, da)}`
          : `${da ? 'Kig' : 'Look'} ${l.look} (${l.fraction}): ${da ? 'ikke nået' : 'not reached'}`,
        10,
      );
    if (r.sequential.exploratory)
      paragraph(
        da
          ? 'Tallene i denne rapport er udforskende: de er læst mellem planlagte kig og afgør intet.'
          : 'The figures in this report are exploratory: read between planned looks, they decide nothing.',
        10,
      );
  }
  if (r.takingPart) {
    const tp = r.takingPart;
    paragraph(
      da
        ? `Tilbudt mod ikke tilbudt (primær): ${pp(tp.itt.estimate)} pp (${pp(tp.itt.ci[0])} til ${pp(tp.itt.ci[1])}). Deltagelse: ${pct(tp.uptake.offered)} af de tilbudte, ${pct(tp.uptake.controls)} af kontrolgruppen. Effekten af at deltage (CACE, 2SLS): ${tp.cace ? `${pp(tp.cace.estimate)} pp (${pp(tp.cace.ci[0])} til ${pp(tp.cace.ci[1])})` : 'kan ikke beregnes'}.`
        : `Offered versus not (primary): ${pp(tp.itt.estimate)} pp (${pp(tp.itt.ci[0])} to ${pp(tp.itt.ci[1])}). Uptake: ${pct(tp.uptake.offered)} of those offered, ${pct(tp.uptake.controls)} of controls. Effect of taking part (CACE, 2SLS): ${tp.cace ? `${pp(tp.cace.estimate)} pp (${pp(tp.cace.ci[0])} to ${pp(tp.cace.ci[1])})` : 'cannot be estimated'}.`,
      11,
    );
  }
  for (const g of r.subgroups)
    paragraph(
      `${da ? 'Sekundær, efter' : 'Secondary, by'} ${g.by}: ` +
        g.groups
          .map(
            (x) =>
              `${x.key} ${x.effect ? `${pp(x.effect.estimate)} (${pp(x.effect.ci[0])}; ${pp(x.effect.ci[1])})` : '–'}`,
          )
          .join(', ') +
        (g.test
          ? `; ${da ? 'test for forskel' : 'test of difference'} p ${fixed(g.test.p, 3)}`
          : ''),
      10,
    );
  doc.moveDown(0.5);
  paragraph(
    `${da ? 'Deltagere' : 'Participants'}: ${r.nTreated}; ${da ? 'sammenligning' : 'comparison'}: ${r.nControl}; ${da ? 'opfølgning' : 'follow-up'}: ${r.followUpWeeks} ${da ? 'uger' : 'weeks'}.`,
    11,
  );
  doc.moveDown(0.5);
  for (const x of r.rates)
    paragraph(
      x.treated && x.control && x.difference
        ? `${x.weeks} ${da ? 'uger' : 'weeks'}: ${pct(x.treated.rate)} ${da ? 'mod' : 'vs'} ${pct(x.control.rate)}; ${da ? 'forskel' : 'difference'} ${pp(x.difference.estimate)} pp (95 % CI ${pp(x.difference.ci95[0])} ${da ? 'til' : 'to'} ${pp(x.difference.ci95[1])})`
        : `${x.weeks} ${da ? 'uger: ikke nået endnu' : 'weeks: not reached yet'}`,
      11,
    );
  paragraph(
    `Cox hazard ratio ${fixed(r.cox.hr, 2)} (95 % CI ${fixed(r.cox.ci95?.[0] ?? null, 2)}–${fixed(r.cox.ci95?.[1] ?? null, 2)}); log-rank χ² ${fixed(r.logrank.chi2, 2)}, p ${fixed(r.logrank.p, 4)}.`,
    11,
  );
  paragraph(
    `${da ? 'Fastlåsning i programmets' : 'Lock-in during the programme’s'} ${r.lockIn.weeks} ${da ? 'uger' : 'weeks'}: ${pp(r.lockIn.difference)} pp.`,
    11,
  );
  const h = r.reportedHires;
  paragraph(
    da
      ? `Ansættelser meldt af virksomheder (efter matchmaking): ${h.treated.hired} deltagere, heraf ${h.treated.confirmed} bekræftet i registeret og ${h.treated.awaiting} der venter på registerdata; ${h.control.hired} i sammenligningsgruppen (${h.control.confirmed} bekræftet). Effekten ovenfor bygger kun på registerdata.`
      : `Hires reported by companies (after matchmaking): ${h.treated.hired} participants, of whom ${h.treated.confirmed} confirmed by the register and ${h.treated.awaiting} awaiting register data; ${h.control.hired} in the comparison group (${h.control.confirmed} confirmed). The effect above rests on register data alone.`,
    11,
  );
  doc.moveDown(0.5);
  const top = doc.y;
  pdf.figure(plotAlt(r, da), () => {
    SVGtoPDF(doc, svg, 50, top, { width: 495, height: 310, fontCallback: svgFont });
  });
  doc.y = top + 320;
  heading(da ? 'Balance (standardiseret forskel)' : 'Balance (standardised difference)', 2, 12);
  for (const b of r.balance)
    paragraph(
      `${b.covariate}: ${da ? 'før' : 'before'} ${b.before.toFixed(2)}${b.after === null ? '' : `, ${da ? 'efter' : 'after'} ${b.after.toFixed(2)}`}`,
      10,
    );
  doc.moveDown(0.5);
  paragraph(
    da
      ? 'Alle tal er aggregerede; ingen personer kan genkendes i rapporten.'
      : 'All figures are aggregates; no person can be recognised in this report.',
    8,
  );
  return pdf.end();
}

function lookWords(d: string, da: boolean): string {
  const words: Record<string, [string, string]> = {
    stop_efficacy: ['stop: effekten er vist', 'stop: the effect is shown'],
    stop_futility: [
      'stop: den mindste effekt er udelukket',
      'stop: the minimum effect is ruled out',
    ],
    go_on: ['fortsæt til næste kig', 'go on to the next look'],
    final: ['sidste kig', 'final look'],
  };
  return words[d]![da ? 0 : 1];
}

const fixed = (v: number | null, digits: number) => (v === null ? '–' : v.toFixed(digits));

/** The plot in words, for screen readers. */
function plotAlt(r: PilotEvaluation, da: boolean): string {
  const last = [...r.rates].reverse().find((x) => x.treated && x.control);
  const at =
    last?.treated && last.control
      ? da
        ? ` Efter ${last.weeks} uger var ${pct(last.treated.rate)} af deltagerne og ${pct(last.control.rate)} af sammenligningsgruppen i job.`
        : ` After ${last.weeks} weeks, ${pct(last.treated.rate)} of participants and ${pct(last.control.rate)} of the comparison group were in work.`
      : '';
  return da
    ? `Kaplan–Meier-kurver: andelen, der er gået i job, uge for uge, for deltagere og sammenligningsgruppe.${at}`
    : `Kaplan–Meier curves: the share who have found work, week by week, for participants and the comparison group.${at}`;
}
