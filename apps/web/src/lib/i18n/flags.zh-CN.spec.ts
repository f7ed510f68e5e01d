import { FlagKind } from '@platform/contracts';
import { describe, expect, it } from 'vitest';
import { flagsZhCN } from './flags.zh-CN.ts';

describe('flag sentences', () => {
  it('has a Chinese title and sentence for every kind, without Latin words', () => {
    for (const kind of FlagKind.options) {
      expect(flagsZhCN.kinds[kind], kind).toMatch(/[\u4e00-\u9fff]/);
      const sentence = flagsZhCN.details[kind]!({});
      expect(sentence, kind).toMatch(/[\u4e00-\u9fff]/);
      expect(sentence, kind).not.toMatch(/[A-Za-z]{2,}|undefined|NaN/);
    }
  });

  it('puts the measured values into the sentence', () => {
    expect(flagsZhCN.details.PHOTO_TIME_FAR_FROM_START!({ minutes: -210, limitMinutes: 90 })).toBe(
      '照片拍摄于开会时间前 3 小时 30 分钟，超过允许的 1 小时 30 分钟。',
    );
    expect(flagsZhCN.details.PHOTO_LOCATION_FAR!({ meters: 1800, limitMeters: 1000 })).toBe(
      '照片拍摄地点距企业登记位置 1.8 公里，超过允许的 1 公里。',
    );
    expect(flagsZhCN.details.PHOTO_REUSED!({ distance: 6, identical: false })).toContain('差异 6 / 64 位');
    expect(flagsZhCN.details.VIDEO_TOO_SHORT!({ seconds: 12.5, minSeconds: 60 })).toBe('视频时长 12.5 秒，少于要求的 60 秒。');
  });
});

describe('capture findings of a video', () => {
  it('say 视频 when the flag is about a video, 照片 otherwise', () => {
    expect(
      flagsZhCN.details.PHOTO_TAKEN_OTHER_DAY!({ mediaKind: 'VIDEO', capturedDate: '2026-11-28', meetingDate: '2026-12-01', minutes: 60 }),
    ).toMatch(/^视频拍摄于 2026-11-28/);
    expect(flagsZhCN.details.PHOTO_LOCATION_FAR!({ meters: 5000, limitMeters: 2000 })).toMatch(/^照片拍摄地点/);
  });
});
