import { OmitType, PartialType } from '@nestjs/swagger';
import { type UpdateProviderConnectionRequest } from '@llm-registry/contracts';
import { VersionField } from '../../../common/openapi/api-versioned-update.decorator';
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
  @VersionField()
  version?: number;
}
