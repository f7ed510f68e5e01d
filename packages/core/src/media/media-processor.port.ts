import type { PhotoFacts, VideoFacts } from './media.port.ts';

/** A probed and planned video or audio file. `plan` is opaque to the domain. */
export interface VideoInspection {
  facts: VideoFacts;
  kind: 'video' | 'audio';
  plan: unknown;
}

/** A finished HLS rendition in a local directory, ready to publish. */
export interface FinishedRendition {
  name: string;
  dir: string;
  remuxed: boolean;
  width: number | null;
  height: number | null;
  bandwidth: number;
  averageBandwidth: number;
  codecs: string;
  frameRate: number | null;
}

/**
 * Turns videos into HLS. Throws MediaRejectedError for files that are not playable (with a
 * message for the uploader); any other error is unexpected and retried.
 */
export interface VideoProcessor {
  inspect(file: string): Promise<VideoInspection>;
  transcode(
    file: string,
    inspection: VideoInspection,
    workDir: string,
    callbacks: { onRendition(r: FinishedRendition): Promise<void>; onProgress(fraction: number): void; signal?: AbortSignal },
  ): Promise<void>;
  /** Writes a poster and a sprite with its VTT; returns false for audio, which has none. */
  stills(file: string, inspection: VideoInspection, out: { poster: string; sprite: string; vtt: string }): Promise<boolean>;
  /** The master playlist text for the renditions published so far. */
  masterPlaylist(renditions: FinishedRendition[]): string;
}

/** Reads photo evidence and writes upright, metadata-free derivatives. */
export interface PhotoProcessor {
  process(file: string, out: { small: string; large: string }): Promise<Omit<PhotoFacts, 'thumbSmallKey' | 'thumbLargeKey'>>;
}

/** Local files for a job: a private directory, the source downloaded into it, results uploaded from it. */
export interface JobWorkspace {
  dir: string;
  /** Downloads an object into the workspace and returns the local path. */
  download(key: string, fileName: string): Promise<string>;
  /** Uploads every file under `localDir` to `keyPrefix` + its relative path. */
  uploadDirectory(localDir: string, keyPrefix: string): Promise<void>;
  uploadFile(localFile: string, key: string): Promise<void>;
  /** Removes the directory; always called, also after failures. */
  dispose(): Promise<void>;
}

export type WorkspaceFactory = (label: string) => Promise<JobWorkspace>;
