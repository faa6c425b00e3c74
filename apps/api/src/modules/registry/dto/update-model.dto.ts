import { OmitType, PartialType } from '@nestjs/swagger';
import { type UpdateModelRequest } from '@llm-registry/contracts';
import { VersionField } from '../../../common/openapi/api-versioned-update.decorator';
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
  @VersionField()
  version?: number;
}
