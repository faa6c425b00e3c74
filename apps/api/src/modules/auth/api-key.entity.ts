import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';

/** A service's key: only its SHA-256 and a short prefix are kept; the key itself is shown once. */
@Entity('api_keys')
@Index('UQ_api_keys_key_hash', ['keyHash'], { unique: true })
@Index('IDX_api_keys_created_at', ['createdAt'])
export class ApiKeyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** `llmr_` plus the first characters of the key: enough to recognise it in a list. */
  @Column({ type: 'varchar', length: 20 })
  prefix!: string;

  @Column({ name: 'key_hash', type: 'char', length: 64, select: false })
  keyHash!: string;

  /** Null: reads every scope. Otherwise this scope plus global. */
  @Column({ type: 'varchar', length: 63, nullable: true })
  scope!: string | null;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
