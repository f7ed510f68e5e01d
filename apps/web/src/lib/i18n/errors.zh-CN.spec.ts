import { ENTITY_NAMES, ERROR_CODES, FIELD_FORMATS, type ErrorCode } from '@platform/contracts';
import { describe, expect, it } from 'vitest';
import { errorsZhCN } from './errors.zh-CN.ts';

type Params = Record<string, string | number>;
const translate = (code: ErrorCode, params: Params) => (errorsZhCN[code] as (p: Params) => string)(params);

// Two different, realistic values per param name, free of English, so a translation that uses the
// param must read differently for each. Params that pick a word from a table get two table keys.
const samples: Record<string, [string | number, string | number]> = {
  entity: [ENTITY_NAMES[0], ENTITY_NAMES[3]],
  format: [FIELD_FORMATS[4], FIELD_FORMATS[1]],
  expected: ['3', '7'],
  field: ['code', 'name'],
  status: ['COMPLETED', 'ABORTED'],
  date: ['2026-11-28', '2026-11-29'],
  parts: ['2, 5', '3'],
  team: ['甲班', '乙班'],
  shift: ['早班', '夜班'],
  character: ['甲', '乙'],
  fileName: ['班前会视频', '现场照片'],
  contentType: ['文本/一', '文本/二'],
  codec: ['编码一', '编码二'],
  size: ['2.0 GB', '3.0 GB'],
  limit: ['1.0 GB', '4.0 GB'],
  requestId: ['甲-1', '乙-2'],
};
// Where one param name means different things for different codes.
const samplesOf: Partial<Record<ErrorCode, typeof samples>> = {
  FIELD_INVALID_TYPE: { expected: ['string', 'number'] },
  PROGRAMME_ENTERPRISE_IN_OTHER_TIER: { category: ['HAZARDOUS_CHEMICAL', 'KEY_INDUSTRIAL'] },
  LESSON_MEDIA_KIND: { expected: ['VIDEO', 'DOCUMENT'] },
  LIBRARY_MEDIA_KIND: { expected: ['PHOTO', 'DOCUMENT'] },
  CAMERA_UNREACHABLE: { reason: ['TIMEOUT', 'UNAUTHORIZED'] },
};
const sample = (code: ErrorCode, name: string, which: 0 | 1): string | number =>
  (samplesOf[code]?.[name] ?? samples[name])?.[which] ?? (which === 0 ? 120 : 360);
const paramsOf = (code: ErrorCode, which: 0 | 1): Params =>
  Object.fromEntries(ERROR_CODES[code].map((name) => [name, sample(code, name, which)]));

// Words allowed in Chinese text: units, file formats and the letters a credit code never uses.
const ALLOWED = new Set(['MB', 'GB', 'KB', 'HLS', 'MP4', 'MOV', 'JPEG', 'PNG', 'HEIC', 'CSV', 'Excel', 'xlsx', 'PDF']);
const codes = Object.keys(ERROR_CODES) as ErrorCode[];

describe('zh-CN error catalogue', () => {
  it('translates every code in the registry, and nothing else', () => {
    expect(Object.keys(errorsZhCN).sort()).toEqual([...codes].sort());
  });

  it.each(codes)('%s uses each of its declared params', (code) => {
    const base = paramsOf(code, 0);
    for (const name of ERROR_CODES[code]) {
      const changed = { ...base, [name]: sample(code, name, 1) };
      expect(translate(code, changed), `${code} ignores ${name}`).not.toBe(translate(code, base));
    }
  });

  it.each(codes)('%s is Chinese, with no English words', (code) => {
    for (const which of [0, 1] as const) {
      const text = translate(code, paramsOf(code, which));
      expect(text).toMatch(/[\u4e00-\u9fff]/);
      const words = (text.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !ALLOWED.has(w));
      expect(words, text).toEqual([]);
      expect(text).not.toMatch(/undefined|NaN|\[object/);
    }
  });
});
