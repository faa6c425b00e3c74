import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsUUID,
  Min,
} from 'class-validator';
import {
  BULK_ACTIONS,
  MAX_BULK_IDS,
  MODEL_STATUSES,
  type BulkAction,
  type BulkActionRequest,
  type ModelStatus,
  type SetDefaultRequest,
  type UpdateModelStatusRequest,
} from '@llm-registry/contracts';
import { OptionalNotNull } from '../../../common/validation/optional';
import { IsOneOf } from '../../../common/validation/validators';

class VersionedDto {
  @ApiPropertyOptional({
    example: 3,
    description: 'When sent, a stale version is refused with 409.',
  })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  version?: number;
}

export class UpdateModelStatusDto
  extends VersionedDto
  implements UpdateModelStatusRequest
{
  @ApiProperty({
    enum: MODEL_STATUSES,
    example: 'inactive',
    description: 'Leaving active also clears the default flag.',
  })
  @IsOneOf(MODEL_STATUSES)
  status!: ModelStatus;
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
  @IsUUID('all', { each: true, message: 'each id must be a UUID' })
  ids!: string[];
}
