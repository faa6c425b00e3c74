import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import { type UpdateProviderConnectionRequest } from '@llm-registry/contracts';
import { OptionalNotNull } from '../../../common/validation/optional';
import { CreateProviderConnectionDto } from './create-provider-connection.dto';

export class UpdateProviderConnectionDto
  extends PartialType(
    OmitType(CreateProviderConnectionDto, ['provider'] as const),
    {
      skipNullProperties: false,
    },
  )
  implements Omit<UpdateProviderConnectionRequest, 'version'>
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
