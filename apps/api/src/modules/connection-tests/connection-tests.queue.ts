/** The queue connection tests and health-check sweeps run on. */
export const CONNECTION_TESTS_QUEUE = 'connection-tests';

export const JOB = {
  /** Runs one connection test; the payload is its id, nothing else. */
  probe: 'probe',
  /** Queues the scheduled health checks that are due. */
  healthSweep: 'health-sweep',
} as const;

/** Never a credential: the runner reads everything else from the test's row. */
export interface ProbeJobData {
  testId: string;
}

export const HEALTH_SWEEP_SCHEDULER_ID = 'health-checks';
