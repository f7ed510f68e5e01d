import { open } from 'node:fs/promises';
import type { DocumentFacts, DocumentProcessor } from '@platform/core';
import { MediaRejectedError } from '@platform/core';
import { PDF_HEAD_BYTES, PDF_TAIL_BYTES, pdfVersionOf, startXrefOf, xrefSectionProblem, type PdfProblem } from './pdf-structure.ts';

// A cross-reference table is 20 bytes an object; this allows five million objects, far beyond any
// training handout, and keeps a hostile `startxref` from making the worker read a whole file.
const MAX_XREF_SECTION_BYTES = 100 * 1024 * 1024;
const FIRST_XREF_READ = 64 * 1024;

/**
 * Checks uploaded PDFs by their structure (see pdf-structure.ts), reading only the head, the tail
 * and the last cross-reference section: a document is never rendered or parsed further on the
 * server, the viewer's browser does that.
 */
export class PdfDocumentProcessor implements DocumentProcessor {
  async inspect(file: string): Promise<DocumentFacts> {
    const handle = await open(file, 'r');
    try {
      const { size } = await handle.stat();
      const read = async (position: number, length: number) => {
        const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - position)));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
        return buffer.subarray(0, bytesRead);
      };
      const version = pdfVersionOf(await read(0, PDF_HEAD_BYTES));
      if (!version) throw unreadable('NO_HEADER');
      const tailStart = Math.max(0, size - PDF_TAIL_BYTES);
      const xref = startXrefOf(await read(tailStart, size - tailStart), size);
      if ('problem' in xref) throw unreadable(xref.problem);
      // Read as far as the trailer: a stream's dictionary is in the first bytes, a table's trailer after its rows.
      for (let length = FIRST_XREF_READ; ; length *= 8) {
        const problem = xrefSectionProblem(await read(xref.offset, length));
        if (problem === null) return { version };
        const more = problem === 'MORE' && xref.offset + length < size && length < MAX_XREF_SECTION_BYTES;
        if (!more) throw unreadable(problem === 'MORE' ? 'XREF_INVALID' : problem);
      }
    } finally {
      await handle.close();
    }
  }
}

function unreadable(problem: PdfProblem): MediaRejectedError {
  return new MediaRejectedError('MEDIA_DOCUMENT_UNREADABLE', `The file is not a whole PDF (${problem}).`, { params: {} });
}
