// PDFs people keep and read with their own tools and screen readers: the font embedded (IBM
// Plex Sans, DKFDS's typeface, from the dkfds package: Danish letters, χ, ≤ and – come out as
// written), tagged with a structure (headings, paragraphs, figures with alt text), a title shown
// in the reader's window and the document's language — PDF/UA-minded, as far as pdfkit goes.
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
// dkfds exports only its script (dist/js/dkfds.min.js); its package folder is two levels up.
const FONTS = path.join(
  path.dirname(require.resolve('dkfds')),
  '../../src/fonts/IBMPlexSans/complete/ttf',
);
export const PDF_FONTS = {
  body: path.join(FONTS, 'IBMPlexSans-Regular.ttf'),
  bold: path.join(FONTS, 'IBMPlexSans-SemiBold.ttf'),
};

/** The finished PDF as one buffer; call before writing to the document, then doc.end(). */
export function pdfBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  return new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
}

type TextOptions = PDFKit.Mixins.TextOptions;

/** A tagged document and the writing helpers that keep every line in its structure. */
export function accessiblePdf(opts: {
  title: string;
  lang: 'da' | 'en';
  margin: number;
  subject?: string;
}) {
  const doc = new PDFDocument({
    size: 'A4',
    margin: opts.margin,
    pdfVersion: '1.7',
    // pdfkit 0.20 knows PDF/UA (XMP identification); @types/pdfkit has not caught up.
    subset: 'PDF/UA' as PDFKit.Mixins.PDFSubsets,
    tagged: true,
    displayTitle: true,
    lang: opts.lang === 'da' ? 'da-DK' : 'en-GB',
    font: PDF_FONTS.body,
    info: { Title: opts.title, ...(opts.subject ? { Subject: opts.subject } : {}) },
  });
  doc.registerFont('Body', PDF_FONTS.body);
  doc.registerFont('Bold', PDF_FONTS.bold);
  doc.font('Body');
  const done = pdfBuffer(doc);
  const root = doc.struct('Document');
  doc.addStructure(root);
  const write = (type: string, text: string, size: number, font: string, more: TextOptions = {}) =>
    doc
      .font(font)
      .fontSize(size)
      // pdfkit's types lack the tagged-PDF options (structParent, structType) it supports.
      .text(text, { ...more, structParent: root, structType: type } as TextOptions);
  return {
    doc,
    heading: (text: string, level: 1 | 2, size: number, more: TextOptions = {}) =>
      write(`H${level}`, text, size, 'Bold', more),
    paragraph: (text: string, size: number, more: TextOptions = {}) =>
      write('P', text, size, 'Body', more),
    /** A drawing (plot, QR code) as a figure with its text alternative. */
    figure: (alt: string, draw: () => void) => {
      root.add(doc.struct('Figure', { alt }, draw));
    },
    /** Finishes the structure and the file. */
    end: () => {
      root.end();
      doc.end();
      return done;
    },
  };
}

/** Text in SVG drawings (plot labels) set in the embedded font too. */
export const svgFont = () => 'Body';
