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

/** Local paths a transcode writes to. */
export interface TranscodeOutput {
  /** Directory for the renditions, one subdirectory each. */
  hlsDir: string;
  poster: string;
  sprite: string;
  /** WebVTT mapping times to sprite tiles; it names the sprite `sprite.jpg`. */
  vtt: string;
}

/**
 * Turns videos into HLS. Throws MediaRejectedError for files that are not playable (with a
 * message for the uploader); any other error is unexpected and retried.
 */
export interface VideoProcessor {
  /** `maxDurationSeconds` replaces the configured limit for this file (live recordings). */
  inspect(file: string, options?: { maxDurationSeconds?: number }): Promise<VideoInspection>;
  /**
   * Writes the renditions, handing each to `onRendition` as it finishes, and for video the poster
   * and the sprite with its VTT, which come from the same decoding as the encodes rather than a
   * pass of their own. Returns false for audio, which has no stills.
   */
  transcode(
    file: string,
    inspection: VideoInspection,
    out: TranscodeOutput,
    callbacks: { onRendition(r: FinishedRendition): Promise<void>; onProgress(fraction: number): void; signal?: AbortSignal },
  ): Promise<boolean>;
  /** The master playlist text for the renditions published so far. */
  masterPlaylist(renditions: FinishedRendition[]): string;
}

/** Reads photo evidence and writes upright, metadata-free derivatives. */
export interface PhotoProcessor {
  process(file: string, out: { small: string; large: string }): Promise<Omit<PhotoFacts, 'thumbSmallKey' | 'thumbLargeKey'>>;
}

/** What checking a PDF learned. */
export interface DocumentFacts {
  /** The header's version, e.g. "1.7". */
  version: string;
}

/**
 * Checks PDF documents (training and library material). Throws MediaRejectedError
 * (MEDIA_DOCUMENT_UNREADABLE) for a file that is not a whole PDF; any other error is unexpected.
 */
export interface DocumentProcessor {
  inspect(file: string): Promise<DocumentFacts>;
}

/** Local files for a job: a private directory, the source downloaded into it, results uploaded from it. */
export interface JobWorkspace {
  dir: string;
  /** Downloads an object into the workspace and returns the local path. */
  download(key: string, fileName: string): Promise<string>;
  /** Uploads every file under `localDir` to `keyPrefix` + its relative path. */
  uploadDirectory(localDir: string, keyPrefix: string): Promise<void>;
  uploadFile(localFile: string, key: string): Promise<void>;
  /** SHA-256 of a local file as hex: the fingerprint that proves a file is the one uploaded, and finds byte-identical reuse. */
  sha256(localFile: string): Promise<string>;
  /** Removes the directory; always called, also after failures. */
  dispose(): Promise<void>;
}

export type WorkspaceFactory = (label: string) => Promise<JobWorkspace>;
