/** Why a camera could not be reached, for its status and the CAMERA_UNREACHABLE error. */
export type CameraFailure = 'TIMEOUT' | 'UNAUTHORIZED' | 'NOT_FOUND' | 'NO_VIDEO' | 'REFUSED' | 'UNREACHABLE';

/**
 * The reason behind ffmpeg's or ffprobe's last words on an RTSP source. The messages are ffmpeg
 * 5–7's ("401 Unauthorized", "Connection refused", "Connection timed out", "404 Not Found", …).
 */
export function classifyRtspFailure(stderr: string, timedOut = false): CameraFailure {
  const text = stderr.toLowerCase();
  if (/\b401\b|unauthori[sz]ed|authori[sz]ation failed|\b403\b|forbidden/.test(text)) return 'UNAUTHORIZED';
  if (/\b404\b|not found|\b454\b|session not found/.test(text)) return 'NOT_FOUND';
  if (/connection refused|econnrefused|\b461\b|unsupported transport/.test(text)) return 'REFUSED';
  if (/no video|does not contain any stream|could not find codec parameters|output file #0 does not contain|matches no streams/.test(text))
    return 'NO_VIDEO';
  if (timedOut || /timed out|timeout|etimedout/.test(text)) return 'TIMEOUT';
  return 'UNREACHABLE';
}
