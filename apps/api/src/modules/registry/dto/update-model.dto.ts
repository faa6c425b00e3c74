import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import { type UpdateModelRequest } from '@llm-registry/contracts';
import { OptionalNotNull } from '../../../common/validation/optional';
import { CreateModelDto } from './create-model.dto';

/** Partial update; `type` and `scope` are fixed, status and default have their own routes. */
export class UpdateModelDto
  extends PartialType(
    OmitType(CreateModelDto, ['type', 'scope', 'isDefault', 'status'] as const),
    {
      skipNullProperties: false,
    },
  )
  implements Omit<UpdateModelRequest, 'version'>
{
  @ApiPropertyOptional({
    example: 3,
    description:
      'The version you read. Required here or as an If-Match header.',
  })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  version?: number;
}
