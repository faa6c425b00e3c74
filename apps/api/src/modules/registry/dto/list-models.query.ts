import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  GLOBAL_SCOPE,
  MODEL_SORT_FIELDS,
  MODEL_STATUSES,
  MODEL_TYPES,
  PROVIDER_IDS,
  type ModelListQuery,
  type ModelSortField,
  type ModelStatus,
  type ModelType,
  type ProviderId,
  type SortDirection,
} from '@llm-registry/contracts';
import { PageQueryDto } from '../../../common/openapi/page-query.dto';
import {
  IsOneOf,
  IsScope,
  IsUuid,
  ToBoolean,
  Trim,
} from '../../../common/validation/validators';

export class ListModelsQueryDto extends PageQueryDto implements ModelListQuery {
  @ApiPropertyOptional({ enum: MODEL_TYPES })
  @IsOptional()
  @IsOneOf(MODEL_TYPES)
  type?: ModelType;

  @ApiPropertyOptional({ enum: PROVIDER_IDS })
  @IsOptional()
  @IsOneOf(PROVIDER_IDS)
  provider?: ProviderId;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUuid()
  providerConnectionId?: string;

  @ApiPropertyOptional({ enum: MODEL_STATUSES })
  @IsOptional()
  @IsOneOf(MODEL_STATUSES)
  status?: ModelStatus;

  @ApiPropertyOptional({ example: GLOBAL_SCOPE })
  @IsOptional()
  @IsScope()
  scope?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @ToBoolean()
  @IsBoolean({ message: 'must be true or false' })
  isDefault?: boolean;

  @ApiPropertyOptional({
    description:
      'Case-insensitive substring of name, modelName or description.',
    example: 'llama',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    enum: MODEL_SORT_FIELDS,
    default: 'priority',
    description: 'priority sorts by priority, then name.',
  })
  @IsOptional()
  @IsOneOf(MODEL_SORT_FIELDS)
  sort?: ModelSortField;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc' })
  @IsOptional()
  @IsOneOf(['asc', 'desc'])
  order?: SortDirection;
}

export class ScopeQueryDto {
  @ApiPropertyOptional({
    default: GLOBAL_SCOPE,
    example: 'team-search',
    description: 'Models of this scope first, then global ones.',
  })
  @IsOptional()
  @IsScope()
  scope?: string;
}

export class PublicListQueryDto extends IntersectionType(
  PageQueryDto,
  ScopeQueryDto,
) {}
