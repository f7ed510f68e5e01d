// Whether a file is a whole PDF, decided from its structure alone: the "%PDF-" header, the
// `startxref` and `%%EOF` a writer puts last, and a cross-reference section (a table with a
// trailer, or an xref stream) at the offset `startxref` names, giving the document's /Root. A
// file cut off in transfer loses its end; a renamed file of another kind has no header. Viewers
// can repair some damaged files, but material shown to ten thousand workers should not need it.

/** Why a file is not a whole PDF. */
export type PdfProblem = 'NO_HEADER' | 'NO_END' | 'XREF_OUT_OF_RANGE' | 'XREF_INVALID' | 'NO_ROOT';

/** Bytes read from the start: the header must be at offset 0. */
export const PDF_HEAD_BYTES = 16;
/** Bytes read from the end: `startxref`, its offset and `%%EOF` sit within them (writers may add a little padding). */
export const PDF_TAIL_BYTES = 2048;

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

/** The PDF version of a header such as "%PDF-1.7", or null when the bytes do not start with one. */
export function pdfVersionOf(head: Uint8Array): string | null {
  return /^%PDF-(\d\.\d)/.exec(latin1(head.subarray(0, PDF_HEAD_BYTES)))?.[1] ?? null;
}

/**
 * The offset of the last cross-reference section, from the end of a file of `size` bytes whose
 * last bytes are `tail`; or the problem. Only the last `startxref … %%EOF` counts: incremental
 * updates append their own, and the last one describes the document as it is.
 */
export function startXrefOf(tail: Uint8Array, size: number): { offset: number } | { problem: PdfProblem } {
  const text = latin1(tail);
  const end = text.lastIndexOf('%%EOF');
  if (end < 0) return { problem: 'NO_END' };
  const match = /startxref\s+(\d+)\s*$/.exec(text.slice(0, end));
  if (!match) return { problem: 'NO_END' };
  const offset = Number(match[1]);
  // The section lies before the `startxref` keyword itself.
  const keywordAt = size - tail.length + match.index;
  if (!Number.isSafeInteger(offset) || offset < PDF_HEAD_BYTES / 2 || offset >= keywordAt) return { problem: 'XREF_OUT_OF_RANGE' };
  return { offset };
}

/**
 * Checks the cross-reference section at the offset `startxref` named, given its first bytes: a
 * classic `xref` table followed by a trailer naming /Root, or an xref stream object
 * (`n g obj << /Type /XRef … /Root … >>`). `MORE`: a table whose trailer is not among the bytes
 * yet; read further (the caller decides how far).
 */
export function xrefSectionProblem(section: Uint8Array): PdfProblem | 'MORE' | null {
  const text = latin1(section).replace(/^\s+/, '');
  if (text.startsWith('xref')) {
    const trailer = text.indexOf('trailer');
    if (trailer < 0) return 'MORE';
    // The trailer's dictionary follows the keyword; 4 KB holds any real one.
    return ROOT.test(text.slice(trailer, trailer + 4096)) ? null : 'NO_ROOT';
  }
  if (!/^\d+\s+\d+\s+obj\s*<</.test(text)) return 'XREF_INVALID';
  // The stream's dictionary comes before its (binary) data; only it is looked at.
  const data = text.indexOf('stream');
  const dictionary = data < 0 ? text : text.slice(0, data);
  if (!/\/Type\s*\/XRef\b/.test(dictionary)) return 'XREF_INVALID';
  return ROOT.test(dictionary) ? null : 'NO_ROOT';
}

const ROOT = /\/Root\s+\d+\s+\d+\s+R/;
