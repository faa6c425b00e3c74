import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import {
  CONNECTION_TEST_JOB_STATUSES,
  CONNECTION_TEST_SUBJECTS,
  CONNECTION_TEST_TRIGGERS,
  PROBE_CATEGORIES,
  type ConnectionTest,
  type ConnectionTestJobStatus,
  type ConnectionTestSubject,
  type ConnectionTestTrigger,
  type ModelParams,
  type ModelType,
  type ProbeCategory,
  type ProviderId,
} from '@llm-registry/contracts';
import { inList } from '../../database/check-in-list';
import { ProviderConnectionEntity } from '../providers/provider-connection.entity';
import { ModelEntity } from '../registry/model.entity';
import { SecretEntity } from '../secrets/secret.entity';

/** The model under test when it is not saved yet. */
export interface DraftModel {
  type: ModelType;
  provider: ProviderId;
  modelName: string;
  params: ModelParams;
}

/** An unsaved connection: its secret values live encrypted in `draftSecretId`, never here. */
export interface DraftConnectionFields {
  baseUrl: string | null;
  settings: Record<string, string>;
  authEnv: Record<string, string> | null;
}

/** One connection test: the request, then its result. History per model and per connection. */
@Entity('connection_tests')
@Check(
  'CHK_connection_tests_status',
  inList('status', CONNECTION_TEST_JOB_STATUSES),
)
@Check(
  'CHK_connection_tests_subject',
  inList('subject', CONNECTION_TEST_SUBJECTS),
)
@Check(
  'CHK_connection_tests_trigger',
  inList('trigger', CONNECTION_TEST_TRIGGERS),
)
@Check(
  'CHK_connection_tests_category',
  `"category" IS NULL OR ${inList('category', PROBE_CATEGORIES)}`,
)
@Index('IDX_connection_tests_model_created', ['modelId', 'createdAt'])
@Index('IDX_connection_tests_connection_created', [
  'providerConnectionId',
  'createdAt',
])
// The per-connection rate limit counts recent starts.
@Index('IDX_connection_tests_connection_started', [
  'providerConnectionId',
  'startedAt',
])
export class ConnectionTestEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 20 })
  subject!: ConnectionTestSubject;

  @Column({ type: 'varchar', length: 20, default: 'manual' })
  trigger!: ConnectionTestTrigger;

  @ManyToOne(() => ModelEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({
    name: 'model_id',
    foreignKeyConstraintName: 'FK_connection_tests_model',
  })
  model?: ModelEntity | null;

  @Column({ name: 'model_id', type: 'uuid', nullable: true })
  modelId!: string | null;

  @ManyToOne(() => ProviderConnectionEntity, {
    onDelete: 'CASCADE',
    nullable: true,
  })
  @JoinColumn({
    name: 'provider_connection_id',
    foreignKeyConstraintName: 'FK_connection_tests_provider_connection',
  })
  providerConnection?: ProviderConnectionEntity | null;

  @Column({ name: 'provider_connection_id', type: 'uuid', nullable: true })
  providerConnectionId!: string | null;

  @Column({ name: 'draft_model', type: 'jsonb', nullable: true })
  draftModel!: DraftModel | null;

  @Column({ name: 'draft_connection', type: 'jsonb', nullable: true })
  draftConnection!: DraftConnectionFields | null;

  // Deleted with the secret once the test has run.
  @ManyToOne(() => SecretEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({
    name: 'draft_secret_id',
    foreignKeyConstraintName: 'FK_connection_tests_draft_secret',
  })
  draftSecret?: SecretEntity | null;

  @Column({ name: 'draft_secret_id', type: 'uuid', nullable: true })
  draftSecretId!: string | null;

  @Column({ type: 'varchar', length: 20, default: 'queued' })
  status!: ConnectionTestJobStatus;

  @Column({ type: 'varchar', length: 30, nullable: true })
  category!: ProbeCategory | null;

  @Column({ type: 'text', nullable: true })
  message!: string | null;

  @Column({ name: 'latency_ms', type: 'integer', nullable: true })
  latencyMs!: number | null;

  @Column({ type: 'jsonb', default: {} })
  details!: ConnectionTest['details'];

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
