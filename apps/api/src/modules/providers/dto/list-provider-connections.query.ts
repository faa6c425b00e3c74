import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  CONNECTION_SORT_FIELDS,
  PROVIDER_IDS,
  type ConnectionSortField,
  type ProviderConnectionListQuery,
  type ProviderId,
  type SortDirection,
} from '@llm-registry/contracts';
import { PageQueryDto } from '../../../common/openapi/page-query.dto';
import {
  IsOneOf,
  ToBoolean,
  Trim,
} from '../../../common/validation/validators';

export class ListProviderConnectionsQueryDto
  extends PageQueryDto
  implements ProviderConnectionListQuery
{
  @ApiPropertyOptional({ enum: PROVIDER_IDS })
  @IsOptional()
  @IsOneOf(PROVIDER_IDS)
  provider?: ProviderId;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @ToBoolean()
  @IsBoolean({ message: 'must be true or false' })
  enabled?: boolean;

  @ApiPropertyOptional({
    description: 'Case-insensitive substring of the name or base URL.',
    example: 'prod',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: CONNECTION_SORT_FIELDS, default: 'name' })
  @IsOptional()
  @IsOneOf(CONNECTION_SORT_FIELDS)
  sort?: ConnectionSortField;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc' })
  @IsOptional()
  @IsOneOf(['asc', 'desc'])
  order?: SortDirection;
}
