// Loads mpegts.js once per tab, in the browser only (it touches `window` and MediaSource at import).
import type Mpegts from 'mpegts.js';

export type MpegtsModule = typeof Mpegts;

let loading: Promise<MpegtsModule> | null = null;

/**
 * The mpegts.js module (HTTP-FLV over Media Source), quiet except for errors: a wall runs for
 * days and its console must stay readable. A failed chunk download is tried again by the next caller.
 */
export function loadMpegts(): Promise<MpegtsModule> {
  if (!loading) {
    loading = import('mpegts.js').then((module) => {
      const mpegts = (module.default ?? module) as MpegtsModule;
      mpegts.LoggingControl.applyConfig({
        enableAll: false,
        enableDebug: false,
        enableVerbose: false,
        enableInfo: false,
        enableWarn: false,
        enableError: true,
      });
      return mpegts;
    });
    loading.catch(() => (loading = null));
  }
  return loading;
}
