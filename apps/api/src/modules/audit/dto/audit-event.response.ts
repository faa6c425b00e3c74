import { ApiProperty } from '@nestjs/swagger';
import {
  AUDIT_ACTIONS,
  AUDIT_ACTOR_TYPES,
  AUDIT_ENTITY_TYPES,
  type AuditAction,
  type AuditActor,
  type AuditActorType,
  type AuditChanges,
  type AuditContext,
  type AuditEntityType,
  type AuditEvent,
  type AuditEventPage,
  type AuditVerification,
} from '@llm-registry/contracts';

export class AuditActorDto implements AuditActor {
  @ApiProperty({ enum: AUDIT_ACTOR_TYPES }) type!: AuditActorType;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  id!: string | null;
  @ApiProperty({ example: 'admin@llm-registry.local' }) label!: string;
}

export class AuditEventDto implements AuditEvent {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: AuditActorDto }) actor!: AuditActor;
  @ApiProperty({ enum: AUDIT_ACTIONS }) action!: AuditAction;
  @ApiProperty({ enum: AUDIT_ENTITY_TYPES }) entityType!: AuditEntityType;
  @ApiProperty({ nullable: true, type: String }) entityId!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: {
      priority: { before: 100, after: 10 },
      apiKey: {
        before: '[redacted]',
        after: '[redacted]',
        secretChanged: true,
      },
    },
    description:
      'Changed fields with before and after. Secrets read `[redacted]` on both sides, with `secretChanged: true`.',
  })
  changes!: AuditChanges;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { correlationId: '5f0c…', ip: '10.0.0.7', userAgent: 'curl/8.5' },
  })
  context!: AuditContext;
  @ApiProperty({
    example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    description:
      "HMAC-SHA256 of the event's content and the previous event's hash, under a key kept outside the database (SHA-256 for events written before the chain was MACed).",
  })
  hash!: string;
}

export class AuditEventPageDto implements AuditEventPage {
  @ApiProperty({ type: [AuditEventDto] }) items!: AuditEvent[];
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'Pass as `cursor` for the next (older) page; null on the last.',
  })
  nextCursor!: string | null;
}

export class AuditVerificationDto implements AuditVerification {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ example: 1024 }) checked!: number;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  firstBrokenId!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '1024',
    description:
      'The newest anchored `seq` whose event is gone or replaced: the newest events were removed.',
  })
  truncatedAfterSeq!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '1024',
    description:
      'The newest `seq` anchored outside the database (this process, and the anchor file) that was checked.',
  })
  anchoredSeq!: string | null;
}
