// The evidence report as a PDF for the file of an enforcement action: A4, Chinese in an embedded
// CJK font (subset, with a ToUnicode map so its text can be searched and copied), every file
// with its SHA-256, page numbers on every page. Layout only: the numbers and states come from the
// report the service made, the words from the server's Chinese labels.
import type { Readable } from 'node:stream';
import type { EvidenceItem, EvidenceReport } from '@platform/contracts';
import {
  MEDIA_KIND_ZH,
  REVIEW_ACTION_ZH,
  REVIEW_STATUS_ZH,
  RISK_LEVEL_ZH,
  ROLE_ZH,
  SLOT_STATE_ZH,
  beijingTime,
  flagText,
  formatBytes,
  yesNo,
} from '@platform/core';
import PDFDocument from 'pdfkit';
import type { CjkFont } from './cjk-font.ts';

const MARGIN = 48;
const GREY = '#555555';

/** The PDF of `report`, streamed as pdfkit writes it. */
export function evidencePdf(report: EvidenceReport, font: CjkFont): Readable {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: `${report.enterprise.name} 班前会证据报告 ${report.from}至${report.to}`, Author: '滨海新区安全生产班前会监管平台' },
  });
  doc.registerFont('cjk', font.bytes, font.name);
  doc.font('cjk');

  doc.fontSize(18).text('班前会证据报告', { align: 'center' });
  doc.moveDown(0.8);
  const e = report.enterprise;
  field(doc, '企业名称', e.name);
  field(doc, '统一社会信用代码', e.creditCode);
  field(doc, '所属区域', e.zone.name);
  field(doc, '行业', e.industry.name);
  field(doc, '风险等级', RISK_LEVEL_ZH[e.riskLevel]);
  field(doc, '地址', e.address);
  field(doc, '报告期间', `${report.from} 至 ${report.to}`);
  field(doc, '生成时间', `${beijingTime(report.generatedAt)}（北京时间）`);

  doc.moveDown(0.6).fontSize(13).text('汇总');
  const t = report.totals;
  doc
    .fontSize(10)
    .text(
      `应开 ${t.due} 次；按时上报 ${t.onTime} 次；迟报 ${t.late} 次；无照片视频佐证 ${t.noEvidence} 次；未上报 ${t.missing} 次；` +
        `未在时段内召开 ${t.heldOutsideWindow} 次；有疑点 ${t.flagged} 次。`,
    );

  doc.moveDown(0.6).fontSize(13).text('逐次明细');
  if (!report.items.length) doc.fontSize(10).fillColor(GREY).text('报告期间内没有应开的班前会。').fillColor('black');
  for (const item of report.items) itemBlock(doc, item);

  // Page numbers last, when the count is known.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc
      .fontSize(8)
      .fillColor(GREY)
      .text(`${e.name} · ${report.from} 至 ${report.to} · 第 ${i + 1} 页 / 共 ${range.count} 页`, MARGIN, doc.page.height - MARGIN + 12, {
        width: doc.page.width - 2 * MARGIN,
        align: 'center',
        lineBreak: false,
      });
  }
  doc.end();
  return doc;
}

function field(doc: PDFKit.PDFDocument, label: string, value: string): void {
  doc.fontSize(10).fillColor(GREY).text(`${label}：`, { continued: true }).fillColor('black').text(value);
}

function itemBlock(doc: PDFKit.PDFDocument, item: EvidenceItem): void {
  if (doc.y > doc.page.height - MARGIN - 80) doc.addPage();
  doc.moveDown(0.5);
  const window = `${beijingTime(item.window.from).slice(11)}–${beijingTime(item.window.until).slice(11)}`;
  doc
    .fontSize(11)
    .fillColor('black')
    .text(
      `${item.date}  ${item.team.name}  ${item.shift.name}（${item.shift.startTime}–${item.shift.endTime}）  【${SLOT_STATE_ZH[item.state]}】`,
    );
  const lines = [`按时时段 ${window}；上报截止 ${beijingTime(item.reportBy)}`];
  if (item.reportedAt) lines.push(`上报时间 ${beijingTime(item.reportedAt)}；按时召开：${yesNo(item.heldOnTime)}`);
  const m = item.meeting;
  if (m) {
    lines.push(
      `会议开始 ${beijingTime(m.startedAt)}；主持人 ${m.hostName}；应到 ${m.expectedCount} 人，实到 ${m.presentCount} 人；审核状态 ${REVIEW_STATUS_ZH[m.reviewStatus]}`,
    );
    for (const f of m.flags)
      lines.push(
        `疑点：${flagText(f.kind, f.params)}（${beijingTime(f.createdAt)}${f.resolvedAt ? `，已于 ${beijingTime(f.resolvedAt)} 解除` : ''}）`,
      );
    for (const r of m.reviews)
      lines.push(
        `审核：${REVIEW_ACTION_ZH[r.action]}，${r.author.displayName}（${ROLE_ZH[r.author.role] ?? r.author.role}），${beijingTime(r.createdAt)}${r.note ? `：${r.note}` : ''}`,
      );
    if (!m.files.length) lines.push('照片视频：无');
  }
  doc.fontSize(9).fillColor('black');
  for (const line of lines) doc.text(line, { indent: 12 });
  for (const f of m?.files ?? []) {
    doc
      .fillColor(f.removedAt ? GREY : 'black')
      .text(
        `${MEDIA_KIND_ZH[f.kind]}「${f.originalName}」${formatBytes(f.sizeBytes)}；上传 ${beijingTime(f.uploadedAt)}` +
          `${f.capturedAt ? `；拍摄 ${beijingTime(f.capturedAt)}` : ''}${f.removedAt ? `；已由企业于 ${beijingTime(f.removedAt)} 删除（非证据）` : ''}`,
        { indent: 12 },
      )
      .text(`SHA-256：${f.sha256 ?? '（未完成上传）'}`, { indent: 24 });
  }
  doc.fillColor('black');
}
