// A tiny, valid one-page PDF made in the browser, so the upload practice needs no download from
// the server and works offline once the page has loaded.

/** ASCII only, so string offsets are byte offsets: other characters become "?". */
export function practiceCvPdf(lines: string[]): string {
  const text = lines
    .map((l, i) => `BT /F1 ${i === 0 ? 18 : 12} Tf 60 ${760 - i * 24} Td (${escapePdf(l)}) Tj ET`)
    .join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return out;
}

function escapePdf(s: string): string {
  return s.replace(/[^\x20-\x7e]/g, '?').replace(/([()\\])/g, '\\$1');
}

/** Whether a chosen file is one the practice form takes: its ending and its size. */
export function checkUpload(
  file: { name: string; size: number },
  spec: { accept: string[]; maxKb: number },
): 'ok' | 'type' | 'size' {
  const name = file.name.toLowerCase();
  if (!spec.accept.some((ending) => name.endsWith(ending))) return 'type';
  if (file.size > spec.maxKb * 1024) return 'size';
  return 'ok';
}
