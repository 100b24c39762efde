// poppler (Debian's poppler-utils) reads our PDFs as a reader would: the text a copy or a screen
// reader gets (pdftotext), the fonts and whether they are embedded (pdffonts), and the
// document's info and tagging (pdfinfo). `.ci/run` installs it; off CI its tests are skipped.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const hasPoppler = fs.existsSync('/usr/bin/pdftotext');
if (!hasPoppler && (process.env.CI === 'true' || process.env.CI === '1'))
  throw new Error('poppler-utils (pdftotext, pdffonts, pdfinfo) is needed on CI');

function withFile<T>(pdf: Buffer, run: (file: string) => T): T {
  const file = path.join(os.tmpdir(), `digiloft-${crypto.randomUUID()}.pdf`);
  fs.writeFileSync(file, pdf);
  try {
    return run(file);
  } finally {
    fs.rmSync(file, { force: true });
  }
}

export const pdfText = (pdf: Buffer) =>
  withFile(pdf, (f) => execFileSync('pdftotext', ['-enc', 'UTF-8', f, '-'], { encoding: 'utf8' }));

/** Each font: its name, type and whether it is embedded. */
export const pdfFonts = (pdf: Buffer) =>
  withFile(pdf, (f) => execFileSync('pdffonts', [f], { encoding: 'utf8' }))
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      // name type [encoding…] emb sub uni object ID: "yes/no" columns counted from the end.
      return { name: cols[0]!, embedded: cols[cols.length - 5] === 'yes' };
    });

export const pdfInfo = (pdf: Buffer) =>
  Object.fromEntries(
    withFile(pdf, (f) => execFileSync('pdfinfo', [f], { encoding: 'utf8' }))
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
  );

/**
 * What a reader needs of one of our PDFs: every font embedded (no bare Helvetica), tagged,
 * titled and with its language; returns the text as pdftotext reads it.
 */
export function readablePdf(pdf: Buffer, expected: { title: string; lang: string }): string {
  const fonts = pdfFonts(pdf);
  if (fonts.length === 0) throw new Error('no fonts in the PDF');
  for (const f of fonts) {
    if (!f.embedded) throw new Error(`font ${f.name} is not embedded`);
    if (/Helvetica|Times|Courier/.test(f.name)) throw new Error(`standard font ${f.name} used`);
  }
  const info = pdfInfo(pdf);
  if (info.Tagged !== 'yes') throw new Error(`not tagged: ${JSON.stringify(info)}`);
  if (info.Title !== expected.title) throw new Error(`title ${info.Title}, not ${expected.title}`);
  if (!pdf.includes(`/Lang (${expected.lang})`)) throw new Error(`no /Lang (${expected.lang})`);
  if (!pdf.includes('/DisplayDocTitle true')) throw new Error('the reader shows no title');
  return pdfText(pdf);
}
