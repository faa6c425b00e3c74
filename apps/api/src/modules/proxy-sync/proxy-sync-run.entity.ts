import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';
import {
  PROXY_SYNC_RUN_STATUSES,
  PROXY_SYNC_TRIGGERS,
  type ProxySyncRunStatus,
  type ProxySyncTrigger,
} from '@llm-registry/contracts';
import { inList } from '../../database/check-in-list';

/** One reconcile of LiteLLM against the registry: what it read, found, wrote and fixed. */
@Entity('proxy_sync_runs')
@Check('CHK_proxy_sync_runs_trigger', inList('trigger', PROXY_SYNC_TRIGGERS))
@Check('CHK_proxy_sync_runs_status', inList('status', PROXY_SYNC_RUN_STATUSES))
@Index('IDX_proxy_sync_runs_created_at', ['createdAt'])
export class ProxySyncRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 20 })
  trigger!: ProxySyncTrigger;

  @Column({ type: 'varchar', length: 20, default: 'queued' })
  status!: ProxySyncRunStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'integer', default: 0 })
  reads!: number;

  @Column({ type: 'integer', default: 0 })
  writes!: number;

  @Column({ name: 'missing_found', type: 'integer', default: 0 })
  missingFound!: number;

  @Column({ name: 'changed_found', type: 'integer', default: 0 })
  changedFound!: number;

  @Column({ name: 'foreign_found', type: 'integer', default: 0 })
  foreignFound!: number;

  @Column({ name: 'drift_fixed', type: 'integer', default: 0 })
  driftFixed!: number;

  @Column({ name: 'failed_models', type: 'integer', default: 0 })
  failedModels!: number;

  @Column({ type: 'text', nullable: true })
  error!: string | null;
}
