import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../common/problem/problem.exception';
import { withTimeout } from '../../common/utils/with-timeout';
import { DatabaseHealth } from '../../database/database-health';
import { QueueHealth } from '../../queue/queue-health';

/** How long each check may take before it counts as down. */
const CHECK_TIMEOUT_MS = 2000;

export type CheckName = 'database' | 'queue';
export type Readiness = { status: 'ok'; checks: Record<CheckName, 'up'> };

const NAMES: Record<CheckName, string> = {
  database: 'the database',
  queue: 'the job queue',
};

/** Readiness: every service a request may need answers, each asked by the module that owns it. */
@Injectable()
export class HealthService {
  constructor(
    private readonly database: DatabaseHealth,
    private readonly queue: QueueHealth,
  ) {}

  async ready(): Promise<Readiness> {
    const probes: Record<CheckName, () => Promise<void>> = {
      database: () => this.database.check(),
      queue: () => this.queue.check(),
    };
    const names = Object.keys(probes) as CheckName[];
    const results = await Promise.allSettled(
      names.map((name) => withTimeout(probes[name](), CHECK_TIMEOUT_MS)),
    );
    const checks = Object.fromEntries(
      names.map((name, i) => [
        name,
        results[i]?.status === 'fulfilled' ? 'up' : 'down',
      ]),
    ) as Record<CheckName, 'up' | 'down'>;
    const down = names.filter((name) => checks[name] === 'down');
    if (down.length > 0) {
      const what = down.map((name) => NAMES[name]).join(' and ');
      throw new ProblemException(
        503,
        'NOT_READY',
        'Not ready',
        `${capitalize(what)} ${down.length > 1 ? 'do' : 'does'} not answer.`,
        undefined,
        {},
        { checks },
      );
    }
    return { status: 'ok', checks: checks as Record<CheckName, 'up'> };
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
