export { createJobMetrics, JOB_METRIC_NAMES, type JobMetrics } from './job-metrics.ts';
export { createMetricsRegistry, Gauge, Registry } from './metrics-registry.ts';
export { readQueueStats, type QueueStats } from './queue-stats.ts';
export { scrapeAllowed, scrapeRequestOf, type ScrapeRequest } from './scrape-access.ts';
