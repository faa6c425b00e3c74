import { ApiPropertyOptional, OmitType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { type DraftConnectionTestRequest } from '@llm-registry/contracts';
import { Nullable } from '../../../common/validation/optional';
import { CreateProviderConnectionDto } from '../../providers/dto/create-provider-connection.dto';
import { CreateModelDto } from '../../registry/dto/create-model.dto';

/** An unsaved connection: the fields of a new provider connection, without its name and state. */
export class DraftConnectionDto extends OmitType(CreateProviderConnectionDto, [
  'name',
  'provider',
  'enabled',
] as const) {}

export class DraftConnectionTestDto
  extends PickType(CreateModelDto, [
    'type',
    'provider',
    'modelName',
    'params',
    'providerConnectionId',
  ] as const)
  implements DraftConnectionTestRequest
{
  @ApiPropertyOptional({
    type: DraftConnectionDto,
    nullable: true,
    description:
      'An unsaved connection, so a new connection can be tested before saving. Its secrets are stored encrypted for the test and deleted after it; they are never put on the job queue. With `providerConnectionId` too, these fields override the saved ones.',
  })
  @Nullable()
  @ValidateNested()
  @Type(() => DraftConnectionDto)
  connection?: DraftConnectionDto | null;
}
