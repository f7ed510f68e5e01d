export { Ffmpeg, FfmpegError, resolveFfmpegBinaries, type FfmpegBinaries, type RunOptions } from './ffmpeg.ts';
export { hlsAudioArgs, hlsCopyArgs, hlsEncodeArgs, planSprite, posterArgs, SEGMENT_SECONDS, spriteArgs, type HlsOutput, type SpritePlan } from './ffmpeg-args.ts';
export { HlsTranscoder, type RenditionResult, type TranscodeCallbacks } from './hls-transcoder.ts';
export { LADDER, planLadder, scaledSize, UnplayableMediaError, type LadderLimits, type MediaPlan, type RenditionPlan } from './ladder.ts';
export { hammingDistance, perceptualHash } from './phash.ts';
export { analysePhoto, parseExifTime, writePhotoDerivative, type PhotoEvidence } from './photo.ts';
export { AAC_LC_CODEC, avc1Codec, masterPlaylist, measureBandwidth, parseMediaPlaylist, spriteVtt, type VariantEntry } from './playlists.ts';
export { parseProbe, type AudioStreamInfo, type FfprobeOutput, type MediaProbe, type VideoStreamInfo } from './probe.ts';
export { sniffFile, type SniffResult } from './sniff.ts';
