import { Counter, Histogram, register } from 'prom-client';

/** Per-stage job metrics, in prom-client's default registry (served by GET /metrics). */
function getOrCreate<T>(name: string, make: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? make();
}

export const stageJobs = getOrCreate(
  'telex_stage_jobs_total',
  () =>
    new Counter({
      name: 'telex_stage_jobs_total',
      help: 'Jobs finished per stage and outcome (done, skipped, failed, retried).',
      labelNames: ['stage', 'outcome'] as const,
    }),
);

export const stageDuration = getOrCreate(
  'telex_stage_job_duration_seconds',
  () =>
    new Histogram({
      name: 'telex_stage_job_duration_seconds',
      help: 'Time spent handling one job, per stage.',
      labelNames: ['stage'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    }),
);
