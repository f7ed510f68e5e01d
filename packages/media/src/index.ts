export { parseCaptureTags, parseIso6709, parseIsoTime, type CaptureFacts } from './capture-tags.ts';
export { Ffmpeg, FfmpegError, resolveFfmpegBinaries, type FfmpegBinaries, type RunOptions } from './ffmpeg.ts';
export {
  hlsAudioArgs,
  hlsCopyArgs,
  hlsEncodeArgs,
  remuxAudioOf,
  SEGMENT_SECONDS,
  toneMapFilter,
  type HlsOutput,
  type RemuxAudio,
} from './ffmpeg-args.ts';
export {
  HlsTranscoder,
  type RenditionResult,
  type StillFiles,
  type TranscodeCallbacks,
  type TranscodeObserver,
  type TranscodeRun,
} from './hls-transcoder.ts';
export {
  LADDER,
  planLadder,
  scaledSize,
  UnplayableMediaError,
  type HdrTransfer,
  type LadderLimits,
  type MediaPlan,
  type RenditionPlan,
} from './ladder.ts';
export { avcCodecOfInit } from './mp4-codec.ts';
export { differenceHash, hammingDistance, perceptualHash } from './phash.ts';
export { computePhotoHashes, HASH_REGIONS } from './photo-hashes.ts';
export { analysePhoto, exifText, parseExifTime, writePhotoDerivative, type PhotoEvidence } from './photo.ts';
export { openPhoto, type PhotoSource } from './photo-source.ts';
export { measureExtent, type MediaExtent, type PacketInfo } from './extent.ts';
export {
  AAC_LC_CODEC,
  avc1Codec,
  masterPlaylist,
  measureBandwidth,
  parseMediaPlaylist,
  spriteVtt,
  type VariantEntry,
} from './playlists.ts';
export { parseProbe, type AudioStreamInfo, type FfprobeOutput, type MediaProbe, type VideoStreamInfo } from './probe.ts';
export { isPdf, sniffFile, type SniffResult } from './sniff.ts';
export { PdfDocumentProcessor } from './document-processor.ts';
export { pdfVersionOf, startXrefOf, xrefSectionProblem, type PdfProblem } from './pdf-structure.ts';
export { planSprite, planStills, stillsArgs, type SpritePlan, type StillsOutput, type StillsPlan } from './stills-args.ts';
export { SharpPhotoProcessor } from './photo-processor.ts';
export { FfmpegVideoProcessor } from './video-processor.ts';
export { syntheticPhoto } from './synthetic-photo.ts';
