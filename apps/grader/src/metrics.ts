// Prometheus text exposition for /metrics: job outcomes, job durations (histogram), queue depth.
export const DURATION_BUCKETS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60];

export type Outcome = 'graded' | 'already_graded' | 'system_error' | 'visible_ok' | 'visible_error';

export class GraderMetrics {
  readonly outcomes = new Map<Outcome, number>();
  private readonly buckets = DURATION_BUCKETS.map(() => 0);
  private count = 0;
  private sum = 0;

  outcome(kind: Outcome): void {
    this.outcomes.set(kind, (this.outcomes.get(kind) ?? 0) + 1);
  }

  duration(seconds: number): void {
    this.count++;
    this.sum += seconds;
    DURATION_BUCKETS.forEach((bound, i) => {
      if (seconds <= bound) this.buckets[i]!++;
    });
  }

  render(queueDepth: Record<string, number>): string {
    const lines = [
      '# HELP grader_jobs_total Grading jobs finished, by outcome.',
      '# TYPE grader_jobs_total counter',
      ...[...this.outcomes].map(([kind, n]) => `grader_jobs_total{outcome="${kind}"} ${n}`),
      '# HELP grader_job_duration_seconds Time from a job starting to its result being written.',
      '# TYPE grader_job_duration_seconds histogram',
      ...DURATION_BUCKETS.map(
        (bound, i) => `grader_job_duration_seconds_bucket{le="${bound}"} ${this.buckets[i]}`,
      ),
      `grader_job_duration_seconds_bucket{le="+Inf"} ${this.count}`,
      `grader_job_duration_seconds_sum ${this.sum}`,
      `grader_job_duration_seconds_count ${this.count}`,
      '# HELP grader_queue_depth Jobs waiting (created or retry) per queue.',
      '# TYPE grader_queue_depth gauge',
      ...Object.entries(queueDepth).map(([queue, n]) => `grader_queue_depth{queue="${queue}"} ${n}`),
    ];
    return `${lines.join('\n')}\n`;
  }
}
