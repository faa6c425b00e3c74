import { ApiPropertyOptional } from '@nestjs/swagger';
import { OptionalNotNull } from '../validation/optional';
import { IsVersion, ToInteger } from '../validation/validators';

/** `?version=` of deletes: optional, but a stale one is refused. */
export class VersionQueryDto {
  @ApiPropertyOptional({
    example: 3,
    description: 'When sent, a stale version is refused with 409.',
  })
  @OptionalNotNull()
  @ToInteger()
  @IsVersion()
  version?: number;
}
