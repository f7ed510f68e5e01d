// Loads hls.js once per tab, in the browser only (it touches `window` and MediaSource at import).
import type Hls from 'hls.js';

let loading: Promise<typeof Hls> | null = null;

/**
 * True where hls.js can play (Media Source Extensions with H.264). Checked without loading
 * hls.js, so browsers that play HLS natively (iOS Safari) never download it.
 */
export function mediaSourceSupported(): boolean {
  if (typeof window === 'undefined') return false;
  const MS = (window as { ManagedMediaSource?: typeof MediaSource }).ManagedMediaSource ?? window.MediaSource;
  return !!MS && typeof MS.isTypeSupported === 'function' && MS.isTypeSupported('video/mp4; codecs="avc1.42E01E,mp4a.40.2"');
}

/**
 * The hls.js class. The light build is enough for meeting recordings (muxed audio and video, no
 * subtitles, alternate audio or DRM) and is a third smaller than the full one; if the pipeline
 * ever writes alternate audio renditions, switch to 'hls.js'. Call it early (a page's load
 * function) to download the player while the page is still fetching its data.
 */
export function loadHls(): Promise<typeof Hls> {
  if (!loading) {
    loading = import('hls.js/light').then((module) => module.default as typeof Hls);
    // A failed chunk download (network blip) is tried again by the next caller.
    loading.catch(() => (loading = null));
  }
  return loading;
}
