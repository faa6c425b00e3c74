import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type ValueTransformer,
} from 'typeorm';
import { inList } from '../../database/check-in-list';
import { TestedEntity } from '../../database/tested.entity';
import { ProviderConnectionEntity } from '../providers/provider-connection.entity';
import {
  MODEL_STATUSES,
  MODEL_TYPES,
  PROVIDER_IDS,
  PROXY_SYNC_STATES,
  type ModelCapability,
  type ModelParams,
  type ModelStatus,
  type ModelType,
  type ProviderId,
  type ProxySyncState,
} from '@llm-registry/contracts';

/** numeric comes back from pg as a string; prices are small enough for a JS number. */
const numericToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

@Entity('models')
@Check('CHK_models_type', inList('type', MODEL_TYPES))
@Check('CHK_models_status', inList('status', MODEL_STATUSES))
@Check('CHK_models_provider', inList('provider', PROVIDER_IDS))
@Check(
  'CHK_models_default_is_active',
  `NOT "is_default" OR "status" = 'active'`,
)
@Index('UQ_models_scope_name', ['scope', 'name'], { unique: true })
// The database itself guarantees one default per type and scope, whatever the application does.
@Index('UQ_models_default_per_type_scope', ['type', 'scope'], {
  unique: true,
  where: '"is_default"',
})
@Index('IDX_models_type_status_priority', [
  'type',
  'status',
  'priority',
  'name',
])
// The trailing id is the list's tie-breaker: with it, deep pages need no extra sort.
@Index('IDX_models_priority_name_id', ['priority', 'name', 'id'])
@Index('IDX_models_scope_priority_name_id', ['scope', 'priority', 'name', 'id'])
@Index('IDX_models_provider', ['provider'])
@Index('IDX_models_provider_connection', ['providerConnectionId', 'modelName'])
@Index('IDX_models_created_at', ['createdAt'])
@Index('IDX_models_updated_at', ['updatedAt'])
// Trigram index for `q` substring search; an expression index TypeORM cannot describe (see the migration).
@Index('IDX_models_search_trgm', { synchronize: false })
// Retirement details belong to deprecated models only, and a model cannot succeed itself.
@Check(
  'CHK_models_deprecation_only_when_deprecated',
  `"status" = 'deprecated' OR ("sunset_at" IS NULL AND "successor_id" IS NULL)`,
)
@Check('CHK_models_successor_not_self', `"successor_id" <> "id"`)
@Check(
  'CHK_models_proxy_sync_state',
  `"proxy_sync_state" IS NULL OR ${inList('proxy_sync_state', PROXY_SYNC_STATES)}`,
)
@Index('IDX_models_proxy_sync_state', ['proxySyncState'])
@Check(
  'CHK_models_health_check_complete',
  `("health_check_interval_minutes" IS NULL) = ("health_check_daily_cap" IS NULL)`,
)
export class ModelEntity extends TestedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 20 })
  type!: ModelType;

  @Column({ type: 'varchar', length: 40 })
  provider!: ProviderId;

  // A connection with models attached cannot be deleted from under them.
  @ManyToOne(() => ProviderConnectionEntity, {
    onDelete: 'RESTRICT',
    nullable: true,
  })
  @JoinColumn({
    name: 'provider_connection_id',
    foreignKeyConstraintName: 'FK_models_provider_connection',
  })
  providerConnection?: ProviderConnectionEntity | null;

  @Column({ name: 'provider_connection_id', type: 'uuid', nullable: true })
  providerConnectionId!: string | null;

  @Column({ name: 'model_name', type: 'varchar', length: 300 })
  modelName!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'varchar', length: 2048, nullable: true })
  endpoint!: string | null;

  @Column({ type: 'jsonb', default: {} })
  params!: ModelParams;

  @Column({ type: 'jsonb', default: [] })
  capabilities!: ModelCapability[];

  @Column({ type: 'varchar', length: 20, default: 'active' })
  status!: ModelStatus;

  /** When a deprecated model goes away; nothing acts on it by itself. */
  @Column({ name: 'sunset_at', type: 'timestamptz', nullable: true })
  sunsetAt!: Date | null;

  // Deleting the successor leaves the deprecated model without one rather than blocking the delete.
  @ManyToOne(() => ModelEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({
    name: 'successor_id',
    foreignKeyConstraintName: 'FK_models_successor',
  })
  successor?: ModelEntity | null;

  @Index('IDX_models_successor')
  @Column({ name: 'successor_id', type: 'uuid', nullable: true })
  successorId!: string | null;

  @Column({ name: 'is_default', type: 'boolean', default: false })
  isDefault!: boolean;

  @Column({ type: 'integer', default: 100 })
  priority!: number;

  @Column({ type: 'varchar', length: 63, default: 'global' })
  scope!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  owner!: string | null;

  @Column({
    name: 'input_price_per_million',
    type: 'numeric',
    precision: 14,
    scale: 6,
    nullable: true,
    transformer: numericToNumber,
  })
  inputPricePerMillion!: number | null;

  @Column({
    name: 'output_price_per_million',
    type: 'numeric',
    precision: 14,
    scale: 6,
    nullable: true,
    transformer: numericToNumber,
  })
  outputPricePerMillion!: number | null;

  /** Scheduled health checks: null when off for this model. */
  @Column({
    name: 'health_check_interval_minutes',
    type: 'integer',
    nullable: true,
  })
  healthCheckIntervalMinutes!: number | null;

  @Column({ name: 'health_check_daily_cap', type: 'integer', nullable: true })
  healthCheckDailyCap!: number | null;

  /**
   * The LiteLLM mirror's columns, written by proxy-sync with plain UPDATEs so that mirroring never
   * bumps the version an admin edits against. Null state: never mirrored.
   */
  @Column({
    name: 'proxy_sync_state',
    type: 'varchar',
    length: 20,
    nullable: true,
  })
  proxySyncState!: ProxySyncState | null;

  @Column({ name: 'proxy_sync_error', type: 'text', nullable: true })
  proxySyncError!: string | null;

  @Column({ name: 'proxy_synced_at', type: 'timestamptz', nullable: true })
  proxySyncedAt!: Date | null;

  /**
   * SHA-256 of the deployment last sent (secrets as their hashes); `absent` when LiteLLM is known to
   * hold none for the model; null when nobody knows what it holds (never mirrored, or a write failed).
   */
  @Column({
    name: 'proxy_sync_fingerprint',
    type: 'varchar',
    length: 64,
    nullable: true,
  })
  proxySyncFingerprint!: string | null;
}
