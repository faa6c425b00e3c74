import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';

/** One encrypted secret (a JSON object of field → value); see envelope.ts for the format. */
@Entity('secrets')
@Index('IDX_secrets_key_id', ['keyId'])
export class SecretEntity {
  /** Chosen before encrypting: the id is bound into the ciphertext. */
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'key_id', type: 'varchar', length: 32 })
  keyId!: string;

  @Column({ name: 'wrapped_key', type: 'text' })
  wrappedKey!: string;

  @Column({ type: 'text' })
  ciphertext!: string;

  /** Masked hints per field (`{"apiKey": "sk-…abcd"}`): the most anyone is shown. */
  @Column({ type: 'jsonb', default: {} })
  hints!: Record<string, string>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
