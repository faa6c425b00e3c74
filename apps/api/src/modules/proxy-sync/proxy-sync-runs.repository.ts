import { Injectable } from '@nestjs/common';
import {
  InjectTransactions,
  type Transactions,
} from '../../database/transactions';
import { type ProxySyncTrigger } from '@llm-registry/contracts';
import { EntityRepository } from '../../database/entity-repository';
import { ProxySyncRunEntity } from './proxy-sync-run.entity';

export type RunResult = Pick<
  ProxySyncRunEntity,
  | 'status'
  | 'reads'
  | 'writes'
  | 'missingFound'
  | 'changedFound'
  | 'foreignFound'
  | 'driftFixed'
  | 'failedModels'
  | 'error'
>;

/** A run that could not compare anything: why, and nothing else. */
export function failedRun(error: string): RunResult {
  return {
    status: 'failed',
    reads: 0,
    writes: 0,
    missingFound: 0,
    changedFound: 0,
    foreignFound: 0,
    driftFixed: 0,
    failedModels: 0,
    error,
  };
}

/** Runs older than this are dropped when a run finishes: the audit trail keeps their events. */
const KEEP_RUNS_DAYS = 30;

@Injectable()
export class ProxySyncRunsRepository extends EntityRepository<ProxySyncRunEntity> {
  constructor(@InjectTransactions() txHost: Transactions) {
    super(txHost, ProxySyncRunEntity);
  }

  async insert(trigger: ProxySyncTrigger): Promise<ProxySyncRunEntity> {
    const result = await this.repo()
      .createQueryBuilder()
      .insert()
      .values({ trigger })
      .returning('*')
      .execute();
    const [row] = result.raw as Record<string, unknown>[];
    return this.hydrate(row);
  }

  /**
   * Marks a run running; null when it has finished (or is unknown). A run left running by a worker
   * that died is taken over by its job's next attempt.
   */
  async start(id: string): Promise<ProxySyncRunEntity | null> {
    const result = await this.repo()
      .createQueryBuilder()
      .update()
      .set({ status: 'running', startedAt: () => 'now()' })
      .where(`id = :id AND status IN ('queued', 'running')`, { id })
      .returning('*')
      .execute();
    const [row] = result.raw as Record<string, unknown>[];
    return row ? this.hydrate(row) : null;
  }

  async finish(id: string, result: RunResult): Promise<ProxySyncRunEntity> {
    await this.repo().update({ id }, { ...result, finishedAt: new Date() });
    await this.manager.query(
      `DELETE FROM proxy_sync_runs
        WHERE finished_at < now() - make_interval(days => $1)`,
      [KEEP_RUNS_DAYS],
    );
    return this.repo().findOneByOrFail({ id });
  }

  findLatest(): Promise<ProxySyncRunEntity | null> {
    return this.repo().findOne({ where: {}, order: { createdAt: 'DESC' } });
  }
}
