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
  type ProviderId,
} from '@llm-registry/contracts';
import { inList } from '../../database/check-in-list';
import { TestedEntity } from '../../database/tested.entity';
import { SecretEntity } from '../secrets/secret.entity';

/** Settings other than the base URL (which has its own column), by catalogue key. */
export type ConnectionSettings = Partial<
  Record<Exclude<ConnectionSettingKey, 'baseUrl'>, string>
>;

@Entity('provider_connections')
@Index('UQ_provider_connections_name', ['name'], { unique: true })
@Index('IDX_provider_connections_provider', ['provider'])
@Check('CHK_provider_connections_provider', inList('provider', PROVIDER_IDS))
// A connection holds one credential form at most: an encrypted secret or environment references.
@Check(
  'CHK_provider_connections_one_credential_form',
  `"secret_id" IS NULL OR "auth_env" IS NULL`,
)
export class ProviderConnectionEntity extends TestedEntity {
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

  /** The origin the stored secret was entered for: it is sent nowhere else. */
  @Column({
    name: 'secret_origin',
    type: 'varchar',
    length: 2048,
    nullable: true,
  })
  secretOrigin!: string | null;

  @Column({ name: 'auth_env', type: 'jsonb', nullable: true })
  authEnv!: AuthEnv | null;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;
}
