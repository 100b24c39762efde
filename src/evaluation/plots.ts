// Plots as plain SVG text, for the CLI (a file to open) and the PDF report: no browser needed.
import type { KmRow } from './survival.model';

const COLOURS = ['#0059b3', '#b35900', '#1a7f37', '#8250df', '#cf222e', '#4d4d4d'];
const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface Curve {
  name: string;
  rows: KmRow[];
}

/**
 * Kaplan–Meier step curves with their 95 % bands. `flip` draws 1 − S (the share who have had
 * the event, e.g. found a job), which reads more naturally for time to employment.
 */
export function kmPlotSvg(
  curves: Curve[],
  opts: { title: string; xLabel: string; yLabel: string; flip?: boolean },
): string {
  const W = 640;
  const H = 400;
  const pad = { left: 56, right: 16, top: 40, bottom: 72 };
  const tMax = Math.max(1, ...curves.flatMap((c) => c.rows.map((r) => r.time)));
  const x = (t: number) => pad.left + (t / tMax) * (W - pad.left - pad.right);
  const y = (v: number) => pad.top + (1 - v) * (H - pad.top - pad.bottom);
  const f = (v: number) => (opts.flip ? 1 - v : v);
  const steps = (points: [number, number][]) => {
    let d = '';
    let last: number | null = null;
    for (const [t, v] of points) {
      d += last === null ? `M${x(t)},${y(v)}` : `H${x(t)}V${y(v)}`;
      last = v;
    }
    return d + `H${x(tMax)}`;
  };
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  const xTicks = Array.from({ length: 5 }, (_, i) => Math.round((tMax * i) / 4));
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(opts.title)}" font-family="sans-serif" font-size="12">`,
    `<title>${esc(opts.title)}</title>`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="${pad.left}" y="22" font-size="15" font-weight="bold">${esc(opts.title)}</text>`,
  );
  for (const v of ticks)
    parts.push(
      `<line x1="${pad.left}" x2="${W - pad.right}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/>`,
      `<text x="${pad.left - 6}" y="${y(v) + 4}" text-anchor="end">${Math.round(v * 100)} %</text>`,
    );
  for (const t of xTicks)
    parts.push(`<text x="${x(t)}" y="${H - pad.bottom + 16}" text-anchor="middle">${t}</text>`);
  parts.push(
    `<text x="${(pad.left + W - pad.right) / 2}" y="${H - pad.bottom + 34}" text-anchor="middle">${esc(opts.xLabel)}</text>`,
    `<text transform="translate(14 ${(pad.top + H - pad.bottom) / 2}) rotate(-90)" text-anchor="middle">${esc(opts.yLabel)}</text>`,
  );
  curves.forEach((c, k) => {
    const colour = COLOURS[k % COLOURS.length]!;
    const lo: [number, number][] = [
      [0, f(1)],
      ...c.rows.map((r): [number, number] => [r.time, f(r.ci95[0])]),
    ];
    const hi: [number, number][] = [
      [0, f(1)],
      ...c.rows.map((r): [number, number] => [r.time, f(r.ci95[1])]),
    ];
    const main: [number, number][] = [
      [0, f(1)],
      ...c.rows.map((r): [number, number] => [r.time, f(r.survival)]),
    ];
    parts.push(
      `<path d="${steps(lo)}" fill="none" stroke="${colour}" stroke-opacity="0.35" stroke-dasharray="3 3"/>`,
      `<path d="${steps(hi)}" fill="none" stroke="${colour}" stroke-opacity="0.35" stroke-dasharray="3 3"/>`,
      `<path d="${steps(main)}" fill="none" stroke="${colour}" stroke-width="2.5"/>`,
      `<rect x="${pad.left + k * 150}" y="${H - 22}" width="14" height="4" fill="${colour}"/>`,
      `<text x="${pad.left + k * 150 + 20}" y="${H - 16}">${esc(c.name)}</text>`,
    );
  });
  parts.push(
    `<line x1="${pad.left}" x2="${pad.left}" y1="${pad.top}" y2="${H - pad.bottom}" stroke="#333"/>`,
    `<line x1="${pad.left}" x2="${W - pad.right}" y1="${H - pad.bottom}" y2="${H - pad.bottom}" stroke="#333"/>`,
    '</svg>',
  );
  return parts.join('\n');
}
