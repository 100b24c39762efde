import { describe, expect, it } from 'vitest';
import { checkUpload, practiceCvPdf } from './practice-cv';

describe('practice CV', () => {
  it('is a PDF whose cross-reference table points at its objects', () => {
    const pdf = practiceCvPdf(['Oevelses-CV', 'Anna (Proevesen)', 'Jobmål']);
    expect(pdf.startsWith('%PDF-1.4')).toBe(true);
    expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
    const start = Number(/startxref\n(\d+)/.exec(pdf)![1]);
    expect(pdf.slice(start, start + 4)).toBe('xref');
    const offsets = [...pdf.matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets).toHaveLength(5);
    offsets.forEach((o, i) => expect(pdf.slice(o, o + 8)).toBe(`${i + 1} 0 obj\n`));
    expect(pdf).toContain('(Anna \\(Proevesen\\)) Tj');
    expect(pdf).toContain('(Jobm?l) Tj');
    const length = Number(/\/Length (\d+)/.exec(pdf)![1]);
    const stream = /stream\n([\s\S]*?)\nendstream/.exec(pdf)![1]!;
    expect(stream.length).toBe(length);
  });

  it('accepts only the allowed endings and sizes', () => {
    const spec = { accept: ['.pdf', '.docx'], maxKb: 2 };
    expect(checkUpload({ name: 'CV.PDF', size: 100 }, spec)).toBe('ok');
    expect(checkUpload({ name: 'cv.docx', size: 2048 }, spec)).toBe('ok');
    expect(checkUpload({ name: 'cv.jpg', size: 100 }, spec)).toBe('type');
    expect(checkUpload({ name: 'cv.pdf.exe', size: 100 }, spec)).toBe('type');
    expect(checkUpload({ name: 'cv.pdf', size: 2049 }, spec)).toBe('size');
  });
});
