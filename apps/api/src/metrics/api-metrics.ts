import type { QueueStats } from '@platform/jobs/metrics';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** The names of the API's metrics, as the dashboard and the load tests query them. */
export const API_METRIC_NAMES = {
  httpDuration: 'http_request_duration_seconds',
  uploadBytes: 'upload_bytes_total',
  eventStreamsOpen: 'event_streams_open',
  liveSessions: 'live_sessions',
  queueDepth: 'queue_depth',
  queueOldestAge: 'queue_oldest_job_age_seconds',
} as const;

/** What the gauges read when Prometheus scrapes. */
export interface ScrapeSources {
  /** Jobs per pg-boss queue; the caller caches it, so a burst of scrapes costs one query. */
  queueStats(): Promise<QueueStats[]>;
  /** Lives on air (LiveStream rows with status LIVE), on every instance. */
  liveSessions(): Promise<number>;
  /** A source read failed: the gauge is left empty for this scrape and the rest still answer. */
  onError(error: unknown, metric: string): void;
}

/** The API's metrics, registered in the process's registry. */
export interface ApiMetrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status_code'>;
  /** Bytes of upload parts received through the API, {kind="part"}. */
  uploadBytes: Counter<'kind'>;
  /** Adds a count of event streams open on this instance (read at each scrape); returns its removal. */
  countEventStreams(count: () => number): () => void;
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** The method as a label: anything exotic is one `OTHER`, so label values stay few. */
export function methodLabel(method: string): string {
  return METHODS.has(method) ? method : 'OTHER';
}

/** Registers the API's metrics in `registry`; gauges read `sources` at scrape time. */
export function createApiMetrics(registry: Registry, sources: ScrapeSources): ApiMetrics {
  const httpDuration = new Histogram({
    name: API_METRIC_NAMES.httpDuration,
    help: 'Time from request to response, by method, route pattern and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [registry],
  });
  const uploadBytes = new Counter({
    name: API_METRIC_NAMES.uploadBytes,
    help: 'Bytes of upload parts received through the API (presigned parts go straight to the object store)',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  // Present at zero from the first scrape, so rate() has a start.
  uploadBytes.inc({ kind: 'part' }, 0);

  const streamCounts = new Set<() => number>();
  new Gauge({
    name: API_METRIC_NAMES.eventStreamsOpen,
    help: 'Server-sent event streams open on this instance',
    registers: [registry],
    collect() {
      let open = 0;
      for (const count of streamCounts) open += count();
      this.set(open);
    },
  });
  new Gauge({
    name: API_METRIC_NAMES.liveSessions,
    help: 'Live meetings on air (all instances: read from the database)',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      try {
        this.set({ state: 'live' }, await sources.liveSessions());
      } catch (error) {
        this.reset();
        sources.onError(error, API_METRIC_NAMES.liveSessions);
      }
    },
  });
  new Gauge({
    name: API_METRIC_NAMES.queueDepth,
    help: 'Jobs per pg-boss queue: queued (start time come, waiting for a worker) and active',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      try {
        for (const q of await sources.queueStats()) {
          this.set({ queue: q.queue, state: 'queued' }, q.queued);
          this.set({ queue: q.queue, state: 'active' }, q.active);
        }
      } catch (error) {
        sources.onError(error, API_METRIC_NAMES.queueDepth);
      }
    },
  });
  new Gauge({
    name: API_METRIC_NAMES.queueOldestAge,
    help: 'Seconds the longest-waiting queued job of each queue has waited since its start time',
    labelNames: ['queue'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      try {
        for (const q of await sources.queueStats()) this.set({ queue: q.queue }, q.oldestSeconds);
      } catch (error) {
        sources.onError(error, API_METRIC_NAMES.queueOldestAge);
      }
    },
  });

  return {
    registry,
    httpDuration,
    uploadBytes,
    countEventStreams(count) {
      streamCounts.add(count);
      return () => void streamCounts.delete(count);
    },
  };
}
