import {
  ApiProperty,
  ApiPropertyOptional,
  IntersectionType,
} from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsISO8601,
} from 'class-validator';
import {
  BULK_ACTIONS,
  MAX_BULK_IDS,
  MODEL_STATUSES,
  type BulkAction,
  type BulkActionRequest,
  type DeleteModelQuery,
  type ModelReplacement,
  type ModelStatus,
  type SetDefaultRequest,
  type UpdateModelStatusRequest,
} from '@llm-registry/contracts';
import { VersionQueryDto } from '../../../common/openapi/version-query.dto';
import { Nullable, OptionalNotNull } from '../../../common/validation/optional';
import {
  IsOneOf,
  IsUuid,
  IsUuidRecord,
  IsVersion,
} from '../../../common/validation/validators';

const REASSIGN_TO = {
  format: 'uuid',
  description:
    'Hand the knowledge bases bound to this model over to another active model of the same type (and dimensions, for embeddings), in the same transaction. Required when knowledge bases are bound to it (409 MODEL_IN_USE lists them).',
} as const;
const NEW_DEFAULT_ID = {
  format: 'uuid',
  description:
    'When the model is the default of its type and scope and knowledge bases rely on that default: the active model of the same type and scope that becomes the default.',
} as const;

/** Who takes over a model that stops serving; shared by delete (query) and status (body). */
class ReplacementFields implements ModelReplacement {
  @ApiPropertyOptional(REASSIGN_TO)
  @OptionalNotNull()
  @IsUuid()
  reassignTo?: string;

  @ApiPropertyOptional(NEW_DEFAULT_ID)
  @OptionalNotNull()
  @IsUuid()
  newDefaultId?: string;
}

export class DeleteModelQueryDto
  extends IntersectionType(VersionQueryDto, ReplacementFields)
  implements DeleteModelQuery {}

class VersionedDto {
  @ApiPropertyOptional({
    example: 3,
    description: 'When sent, a stale version is refused with 409.',
  })
  @OptionalNotNull()
  @IsVersion()
  version?: number;
}

export class UpdateModelStatusDto
  extends IntersectionType(VersionedDto, ReplacementFields)
  implements UpdateModelStatusRequest
{
  @ApiProperty({
    enum: MODEL_STATUSES,
    example: 'inactive',
    description: 'Leaving active also clears the default flag.',
  })
  @IsOneOf(MODEL_STATUSES)
  status!: ModelStatus;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2027-03-31T00:00:00Z',
    description:
      'deprecated only: when the model goes away. Informational: nothing switches by itself.',
  })
  @Nullable()
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date-time' })
  sunsetAt?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'deprecated only: the active model of the same type its users should move to.',
  })
  @Nullable()
  @IsUuid()
  successorId?: string | null;
}

export class SetDefaultDto extends VersionedDto implements SetDefaultRequest {}

export class BulkActionDto implements BulkActionRequest {
  @ApiProperty({ enum: BULK_ACTIONS, example: 'deactivate' })
  @IsOneOf(BULK_ACTIONS)
  action!: BulkAction;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    maxItems: MAX_BULK_IDS,
    example: ['3f0c2a9e-8a8e-4c1e-9d55-2f8f6d1c7b10'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_IDS)
  @IsUuid({ each: true })
  ids!: string[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string', format: 'uuid' },
    example: {
      '3f0c2a9e-8a8e-4c1e-9d55-2f8f6d1c7b10':
        '9b1d4c77-2e0a-4f7e-8a65-0c3b9d2e1f44',
    },
    description:
      'deactivate and delete: per model id, the model that takes over the knowledge bases bound to it. A default that knowledge bases rely on is refused here: make another model the default first.',
  })
  @OptionalNotNull()
  @IsUuidRecord()
  reassignTo?: Record<string, string>;
}
