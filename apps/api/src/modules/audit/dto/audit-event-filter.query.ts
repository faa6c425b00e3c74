import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  AUDIT_ENTITY_TYPES,
  AUDIT_EXPORT_FORMATS,
  AUDIT_PAGE_LIMIT,
  type AuditEntityType,
  type AuditEventFilter,
  type AuditEventListQuery,
  type AuditExportFormat,
  type AuditExportQuery,
} from '@llm-registry/contracts';
import { IsOneOf, ToInteger } from '../../../common/validation/validators';

/** The filters shared by the list and the export. */
export class AuditEventFilterDto implements AuditEventFilter {
  @ApiPropertyOptional({ enum: AUDIT_ENTITY_TYPES })
  @IsOptional()
  @IsOneOf(AUDIT_ENTITY_TYPES)
  entityType?: AuditEntityType;

  @ApiPropertyOptional({ description: 'The id of the model, user, key…' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityId?: string;

  @ApiPropertyOptional({
    description: "An actor's id, an email or API key name, or `system`.",
    example: 'admin@llm-registry.local',
  })
  @IsOptional()
  @IsString()
  @MaxLength(320)
  actor?: string;

  @ApiPropertyOptional({
    description: 'One action, or all of an entity with `.*`.',
    example: 'model.*',
  })
  @IsOptional()
  @Matches(/^[a-z_]+\.(?:[a-z_]+|\*)$/, {
    message: 'must be an action such as model.updated, or model.*',
  })
  action?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Events at or after this instant.',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date-time' })
  from?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Events before this instant.',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date-time' })
  to?: string;
}

export class ListAuditEventsQueryDto
  extends AuditEventFilterDto
  implements AuditEventListQuery
{
  @ApiPropertyOptional({
    description: '`nextCursor` of the previous page.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  cursor?: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: AUDIT_PAGE_LIMIT.max,
    default: AUDIT_PAGE_LIMIT.default,
  })
  @IsOptional()
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(AUDIT_PAGE_LIMIT.max)
  limit?: number;
}

export class ExportAuditEventsQueryDto
  extends AuditEventFilterDto
  implements AuditExportQuery
{
  @ApiPropertyOptional({ enum: AUDIT_EXPORT_FORMATS, default: 'ndjson' })
  @IsOptional()
  @IsOneOf(AUDIT_EXPORT_FORMATS)
  format?: AuditExportFormat;
}
