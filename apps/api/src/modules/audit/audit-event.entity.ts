import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import {
  AUDIT_ACTOR_TYPES,
  type AuditAction,
  type AuditActorType,
  type AuditChanges,
  type AuditContext,
  type AuditEntityType,
} from '@llm-registry/contracts';
import { inList } from '../../database/check-in-list';

/**
 * One audited change, append-only: a trigger (migration AddAuditEvents) refuses UPDATE, DELETE and
 * TRUNCATE. `seq` is the place in the chain, gapless, so a removed row shows as a gap; `hash` is the
 * row's MAC under the key `macKeyId` names (a SHA-256 for rows written before the MAC, key id null).
 */
@Entity('audit_events')
@Check('CHK_audit_events_actor_type', inList('actor_type', AUDIT_ACTOR_TYPES))
@Index('IDX_audit_events_entity', ['entityType', 'entityId', 'seq'])
@Index('IDX_audit_events_action', ['action', 'seq'])
@Index('IDX_audit_events_actor', ['actorId', 'seq'])
@Index('IDX_audit_events_at', ['at'])
export class AuditEventEntity {
  @PrimaryColumn({ type: 'bigint' })
  seq!: string;

  @Index('UQ_audit_events_id', { unique: true })
  @Column({ type: 'uuid' })
  id!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'actor_type', type: 'varchar', length: 20 })
  actorType!: AuditActorType;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ name: 'actor_label', type: 'varchar', length: 320 })
  actorLabel!: string;

  @Column({ type: 'varchar', length: 60 })
  action!: AuditAction;

  @Column({ name: 'entity_type', type: 'varchar', length: 40 })
  entityType!: AuditEntityType;

  @Column({ name: 'entity_id', type: 'varchar', length: 100, nullable: true })
  entityId!: string | null;

  @Column({ type: 'jsonb' })
  changes!: AuditChanges;

  @Column({ type: 'jsonb' })
  context!: AuditContext;

  @Column({ name: 'prev_hash', type: 'char', length: 64 })
  prevHash!: string;

  @Column({ type: 'char', length: 64 })
  hash!: string;

  @Column({ name: 'mac_key_id', type: 'varchar', length: 16, nullable: true })
  macKeyId!: string | null;
}
