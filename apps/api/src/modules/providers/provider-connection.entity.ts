import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import {
  PROVIDER_IDS,
  type AuthEnv,
  type ConnectionSettingKey,
  type ConnectionTestStatus,
  type ProviderId,
} from '@llm-registry/contracts';
import { VersionedEntity } from '../../database/versioned.entity';
import { SecretEntity } from '../secrets/secret.entity';

/** Settings other than the base URL (which has its own column), by catalogue key. */
export type ConnectionSettings = Partial<
  Record<Exclude<ConnectionSettingKey, 'baseUrl'>, string>
>;

@Entity('provider_connections')
@Index('UQ_provider_connections_name', ['name'], { unique: true })
@Index('IDX_provider_connections_provider', ['provider'])
@Check(
  'CHK_provider_connections_provider',
  `"provider" IN (${PROVIDER_IDS.map((id) => `'${id}'`).join(', ')})`,
)
// A connection holds one credential form at most: an encrypted secret or environment references.
@Check(
  'CHK_provider_connections_one_credential_form',
  `"secret_id" IS NULL OR "auth_env" IS NULL`,
)
export class ProviderConnectionEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 40 })
  provider!: ProviderId;

  /** Null: the provider's default endpoint. */
  @Column({ name: 'base_url', type: 'varchar', length: 2048, nullable: true })
  baseUrl!: string | null;

  @Column({ type: 'jsonb', default: {} })
  settings!: ConnectionSettings;

  @ManyToOne(() => SecretEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({
    name: 'secret_id',
    foreignKeyConstraintName: 'FK_provider_connections_secret',
  })
  secret?: SecretEntity | null;

  @Column({ name: 'secret_id', type: 'uuid', nullable: true })
  secretId!: string | null;

  @Column({ name: 'auth_env', type: 'jsonb', nullable: true })
  authEnv!: AuthEnv | null;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @Column({
    name: 'last_test_status',
    type: 'varchar',
    length: 20,
    nullable: true,
  })
  lastTestStatus!: ConnectionTestStatus | null;

  @Column({ name: 'last_test_at', type: 'timestamptz', nullable: true })
  lastTestAt!: Date | null;

  @Column({ name: 'last_test_latency_ms', type: 'integer', nullable: true })
  lastTestLatencyMs!: number | null;

  @Column({ name: 'last_test_message', type: 'text', nullable: true })
  lastTestMessage!: string | null;
}
