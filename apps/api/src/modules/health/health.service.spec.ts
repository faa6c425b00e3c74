import { type DatabaseHealth } from '../../database/database-health';
import { ProblemException } from '../../common/problem/problem.exception';
import { type QueueHealth } from '../../queue/queue-health';
import { HealthService } from './health.service';

type Probe = () => Promise<void>;

function service(database: Probe, queue: Probe): HealthService {
  return new HealthService(
    { check: database } as unknown as DatabaseHealth,
    { check: queue } as unknown as QueueHealth,
  );
}

const up: Probe = async () => undefined;
const refused: Probe = async () => {
  throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
};
const hanging: Probe = () => new Promise<void>(() => undefined);

async function problemOf(promise: Promise<unknown>): Promise<ProblemException> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProblemException);
  return error as ProblemException;
}

describe('HealthService', () => {
  afterEach(() => jest.useRealTimers());

  it('is ready when the database and the queue answer', async () => {
    await expect(service(up, up).ready()).resolves.toEqual({
      status: 'ok',
      checks: { database: 'up', queue: 'up' },
    });
  });

  it('names the queue when only the queue fails', async () => {
    const problem = await problemOf(service(up, refused).ready());
    expect(problem).toMatchObject({
      status: 503,
      code: 'NOT_READY',
      detail: 'The job queue does not answer.',
      extensions: { checks: { database: 'up', queue: 'down' } },
    });
  });

  it('names both when both fail', async () => {
    const problem = await problemOf(service(refused, refused).ready());
    expect(problem.detail).toBe(
      'The database and the job queue do not answer.',
    );
    expect(problem.extensions).toEqual({
      checks: { database: 'down', queue: 'down' },
    });
  });

  it('counts a check that hangs as down after 2 s', async () => {
    jest.useFakeTimers();
    const answer = problemOf(service(hanging, up).ready());
    await jest.advanceTimersByTimeAsync(1999);
    let settled = false;
    void answer.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect((await answer).extensions).toEqual({
      checks: { database: 'down', queue: 'up' },
    });
  });
});
