import type { HeartbeatPolicy } from './heartbeat-rules.ts';

/** Rules of online learning, from configuration. */
export interface LearningPolicy extends HeartbeatPolicy {
  /** How often the player sends a heartbeat while playing. */
  heartbeatSeconds: number;
  /** A viewing heard from within this many seconds is playing: another device may not start meanwhile. */
  liveViewingSeconds: number;
  /** A document or poster must stay open this long before it counts as read. */
  readingSeconds: number;
  /** Prefix of certificate serial numbers, e.g. "BHXQ-AQPX". */
  certificateSerialPrefix: string;
  /** Who issues certificates, printed on them and on the verification page. */
  certificateIssuer: string;
}

export const DEFAULT_LEARNING_POLICY: LearningPolicy = {
  maxPlaybackRate: 1.5,
  toleranceSeconds: 2,
  heartbeatSeconds: 10,
  liveViewingSeconds: 30,
  readingSeconds: 20,
  certificateSerialPrefix: 'BHXQ-AQPX',
  certificateIssuer: '天津市滨海新区应急管理局',
};
