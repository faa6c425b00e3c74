import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A chain MAC key, sealed (AES-256-GCM envelope) under a master key, so events MACed under a key
 * whose master key was rotated away still verify. Useless without a master key: a database-only
 * attacker can delete a row (verify then fails) but never read or forge one.
 */
@Entity('audit_chain_keys')
export class AuditChainKeyEntity {
  /** The id of the master key the MAC key was derived from, as in `audit_events.mac_key_id`. */
  @PrimaryColumn({
    name: 'key_id',
    type: 'varchar',
    length: 16,
    primaryKeyConstraintName: 'PK_audit_chain_keys',
  })
  keyId!: string;

  /** The master key that wraps it now; rotation re-wraps under the new one. */
  @Column({ name: 'wrapping_key_id', type: 'varchar', length: 16 })
  wrappingKeyId!: string;

  @Column({ name: 'wrapped_key', type: 'text' })
  wrappedKey!: string;

  @Column({ type: 'text' })
  ciphertext!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
