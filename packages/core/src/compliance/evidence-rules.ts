// The evidence checks as pure functions: facts of one asset and its meeting in, findings out.
// Each finding becomes a MeetingFlag; its key makes a re-run of the check add nothing.
import type { FlagKind } from '@platform/contracts';
import { shanghaiDate } from '../meetings/shift-window.ts';
import type { EvidenceSubject } from './evidence-check.port.ts';

/** Limits of the checks; the same shape as the config package's EvidenceConfig. */
export interface EvidenceCheckSettings {
  photoMaxMinutesFromStart: number;
  photoMaxMeters: number;
  videoMinSeconds: number;
  reuse: { phash: number; dhash: number };
}

/** A flag to write: one per finding, `key` unique within the meeting. */
export interface FlagDraft {
  kind: FlagKind;
  key: string;
  /** English, for operators; users see `kind` and `params` translated. */
  detail: string;
  params: Record<string, string | number | boolean>;
  assetId: string;
  relatedAssetId?: string;
  relatedMeetingId?: string;
}

/** The meeting an asset belongs to, as the checks need it. */
export interface MeetingFacts {
  id: string;
  /** YYYY-MM-DD, Asia/Shanghai. */
  meetingDate: string;
  startedAt: Date;
}

/** Degrees of latitude and longitude. */
export interface Coordinates {
  latitude: number;
  longitude: number;
}

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres (haversine on the mean Earth radius; well within a metre at a city's scale). */
export function haversineMeters(a: Coordinates, b: Coordinates): number {
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The file a finding is about: its id, and whether it is a photo or a video (which the detail names). */
export interface EvidenceAsset {
  id: string;
  kind: 'PHOTO' | 'VIDEO';
}

const noun = (asset: EvidenceAsset) => (asset.kind === 'VIDEO' ? 'Video' : 'Photo');

/**
 * A photo or video captured too far from the declared start. Captured on another calendar day
 * (Asia/Shanghai) it is PHOTO_TAKEN_OTHER_DAY, the stronger finding, else PHOTO_TIME_FAR_FROM_START;
 * one flag, not both. A file within the limit is never "another day": a night meeting at 23:40 has
 * photos after midnight. The capture instant already carries the camera's offset (or +08:00
 * without one). A video is the same finding as a photo, so it has the same kind (the kinds keep
 * their first name); `mediaKind` says which it is.
 */
export function captureTimeFinding(
  asset: EvidenceAsset,
  capturedAt: Date | null,
  meeting: MeetingFacts,
  settings: Pick<EvidenceCheckSettings, 'photoMaxMinutesFromStart'>,
): FlagDraft | null {
  if (!capturedAt) return null;
  const minutes = Math.round((capturedAt.getTime() - meeting.startedAt.getTime()) / 60_000);
  if (Math.abs(minutes) <= settings.photoMaxMinutesFromStart) return null;
  const capturedDate = shanghaiDate(capturedAt);
  const params = {
    minutes,
    limitMinutes: settings.photoMaxMinutesFromStart,
    capturedAt: capturedAt.toISOString(),
    capturedDate,
    mediaKind: asset.kind,
  };
  if (capturedDate !== meeting.meetingDate) {
    return {
      kind: 'PHOTO_TAKEN_OTHER_DAY',
      key: `PHOTO_TAKEN_OTHER_DAY:${asset.id}`,
      detail: `${noun(asset)} taken on ${capturedDate}, the meeting is on ${meeting.meetingDate} (${minutes} min from its start).`,
      params: { ...params, meetingDate: meeting.meetingDate },
      assetId: asset.id,
    };
  }
  return {
    kind: 'PHOTO_TIME_FAR_FROM_START',
    key: `PHOTO_TIME_FAR_FROM_START:${asset.id}`,
    detail: `${noun(asset)} taken ${minutes} min from the declared start (limit ${settings.photoMaxMinutesFromStart}).`,
    params,
    assetId: asset.id,
  };
}

/** A photo or video whose GPS lies too far from the enterprise's registered location; nothing when either is unknown. */
export function captureLocationFinding(
  asset: EvidenceAsset,
  gps: Coordinates | null,
  enterprise: Coordinates | null,
  settings: Pick<EvidenceCheckSettings, 'photoMaxMeters'>,
): FlagDraft | null {
  if (!gps || !enterprise) return null;
  const meters = Math.round(haversineMeters(gps, enterprise));
  if (meters <= settings.photoMaxMeters) return null;
  return {
    kind: 'PHOTO_LOCATION_FAR',
    key: `PHOTO_LOCATION_FAR:${asset.id}`,
    detail: `${noun(asset)} taken ${meters} m from the enterprise's registered location (limit ${settings.photoMaxMeters}).`,
    params: { meters, limitMeters: settings.photoMaxMeters, latitude: gps.latitude, longitude: gps.longitude, mediaKind: asset.kind },
    assetId: asset.id,
  };
}

/** A video shorter than the minimum; nothing when its length is unknown. */
export function videoLengthFinding(
  assetId: string,
  durationMs: number | null,
  settings: Pick<EvidenceCheckSettings, 'videoMinSeconds'>,
): FlagDraft | null {
  if (durationMs === null || durationMs >= settings.videoMinSeconds * 1000) return null;
  const seconds = Math.round(durationMs / 100) / 10;
  return {
    kind: 'VIDEO_TOO_SHORT',
    key: `VIDEO_TOO_SHORT:${assetId}`,
    detail: `Video is ${seconds} s long (minimum ${settings.videoMinSeconds}).`,
    params: { seconds, minSeconds: settings.videoMinSeconds },
    assetId,
  };
}

type Rule = (subject: EvidenceSubject, settings: EvidenceCheckSettings) => FlagDraft | null;

const captureTime: Rule = ({ asset, meeting }, settings) => captureTimeFinding(asset, asset.capturedAt, meeting, settings);
const captureLocation: Rule = ({ asset, enterpriseLocation }, settings) =>
  captureLocationFinding(asset, asset.gps, enterpriseLocation, settings);
const videoLength: Rule = ({ asset }, settings) => videoLengthFinding(asset.id, asset.durationMs, settings);

/**
 * The rules each kind of file is held to. When and where a file was captured count for a video as
 * for a photo, whenever its container recorded them (phones do; most cameras and NVRs do not).
 */
const RULES: Record<EvidenceAsset['kind'], Rule[]> = {
  PHOTO: [captureTime, captureLocation],
  VIDEO: [captureTime, captureLocation, videoLength],
};

/** The findings of the rules on one file's own facts (reuse, which needs other meetings' files, is apart). */
export function ruleFindings(subject: EvidenceSubject, settings: EvidenceCheckSettings): FlagDraft[] {
  return RULES[subject.asset.kind].map((rule) => rule(subject, settings)).filter((f): f is FlagDraft => f !== null);
}

/** An earlier asset of another meeting that the checked one repeats. */
export interface ReuseHit {
  assetId: string;
  meetingId: string;
  /** Byte-identical (same SHA-256). */
  identical: boolean;
  /** pHash and dHash distance of the closest region pair; 0 for identical files. */
  phash: number;
  dhash: number;
}

/** Most related assets flagged for one reused file: enough for a reviewer, not a flood for a stock picture. */
export const MAX_REUSE_FLAGS = 5;

/** PHOTO_REUSED or VIDEO_REUSED flags, closest first, one per related asset. */
export function reuseFindings(assetId: string, kind: 'PHOTO' | 'VIDEO', hits: ReuseHit[]): FlagDraft[] {
  const flagKind: FlagKind = kind === 'PHOTO' ? 'PHOTO_REUSED' : 'VIDEO_REUSED';
  return [...hits]
    .sort((a, b) => Number(b.identical) - Number(a.identical) || a.phash + a.dhash - (b.phash + b.dhash))
    .slice(0, MAX_REUSE_FLAGS)
    .map((hit) => ({
      kind: flagKind,
      key: `${flagKind}:${assetId}:${hit.assetId}`,
      detail: hit.identical
        ? `Byte-identical to asset ${hit.assetId} of meeting ${hit.meetingId}.`
        : `Looks like asset ${hit.assetId} of meeting ${hit.meetingId} (pHash ${hit.phash}, dHash ${hit.dhash} bits apart).`,
      params: { distance: hit.phash, dhashDistance: hit.dhash, identical: hit.identical },
      assetId,
      relatedAssetId: hit.assetId,
      relatedMeetingId: hit.meetingId,
    }));
}
