import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import { OptionalNotNull } from '../validation/optional';
import { ToInteger } from '../validation/validators';

/** `?version=` of deletes: optional, but a stale one is refused. */
export class VersionQueryDto {
  @ApiPropertyOptional({
    example: 3,
    description: 'When sent, a stale version is refused with 409.',
  })
  @OptionalNotNull()
  @ToInteger()
  @IsInt()
  @Min(1)
  version?: number;
}
