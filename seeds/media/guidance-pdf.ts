import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import type { DocumentSection } from '../data/catalogue-types.ts';

/** A font with Chinese glyphs for pdfkit; `name` picks the face of a collection (.ttc). */
export interface PdfFont {
  bytes: Buffer;
  name: string | undefined;
}

const ISSUER = '滨海新区应急管理局 · "百千万"安全技能提升行动';

/**
 * Writes an A4 guidance document: title, issuer line, then each section's heading and paragraphs.
 * The CJK font is embedded as a subset, as the evidence report does, so the text prints and copies.
 */
export async function writeGuidancePdf(file: string, doc: { title: string; sections: DocumentSection[] }, font: PdfFont): Promise<void> {
  const pdf = new PDFDocument({ size: 'A4', margins: { top: 64, bottom: 64, left: 64, right: 64 }, info: { Title: doc.title } });
  const out = createWriteStream(file);
  pdf.pipe(out);
  pdf.registerFont('cjk', font.bytes, font.name);
  pdf.font('cjk');
  pdf.fontSize(22).text(doc.title, { align: 'center' });
  pdf.moveDown(0.4).fontSize(10).fillColor('#555555').text(ISSUER, { align: 'center' }).fillColor('black');
  pdf.moveDown(1.2);
  for (const section of doc.sections) {
    pdf.fontSize(14).text(section.heading);
    pdf.moveDown(0.3);
    for (const paragraph of section.paragraphs) {
      pdf.fontSize(11).text(paragraph, { indent: 22, lineGap: 4, align: 'justify' });
      pdf.moveDown(0.4);
    }
    pdf.moveDown(0.6);
  }
  pdf.fontSize(9).fillColor('#777777').text('本材料为通用指导要点，具体要求以现行法律法规、标准和本企业制度为准。', { align: 'center' });
  pdf.end();
  await finished(out);
}
