import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { MODEL_TYPES, type ModelType } from '@llm-registry/contracts';
import { PageQueryDto } from '../../../common/openapi/page-query.dto';
import { IsOneOf, Trim } from '../../../common/validation/validators';
import { type RemoteModelQuery } from '../discovery.service';

export class RemoteModelsQueryDto
  extends PageQueryDto
  implements RemoteModelQuery
{
  @ApiPropertyOptional({
    description: 'Case-insensitive substring of the model name.',
    example: 'embed',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: MODEL_TYPES, description: 'Guessed type.' })
  @IsOptional()
  @IsOneOf(MODEL_TYPES)
  type?: ModelType;
}
