import { Gauge, type Registry } from '@platform/jobs/metrics';

export const INGEST_METRIC_NAMES = {
  livesOnAir: 'ingest_lives_on_air',
  cameraPulls: 'ingest_camera_pulls',
} as const;

/**
 * The ingest's own gauges, read from its managers at scrape time, beside Node's process metrics.
 * The API's `live_sessions` counts lives in the database; these count what this process carries,
 * so a difference between them is a live the ingest lost.
 */
export function registerIngestMetrics(
  registry: Registry,
  sources: { lives: { readonly onAirCount: number }; cameras: { readonly pullCount: number } },
): void {
  new Gauge({
    name: INGEST_METRIC_NAMES.livesOnAir,
    help: 'Lives this ingest carries (publishing or in their reconnect grace)',
    registers: [registry],
    collect() {
      this.set(sources.lives.onAirCount);
    },
  });
  new Gauge({
    name: INGEST_METRIC_NAMES.cameraPulls,
    help: 'IP cameras this ingest pulls now (for viewers or recordings)',
    registers: [registry],
    collect() {
      this.set(sources.cameras.pullCount);
    },
  });
}
