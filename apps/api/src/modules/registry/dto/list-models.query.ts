import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import {
  DEFAULT_PAGE_SIZE,
  GLOBAL_SCOPE,
  MAX_PAGE_SIZE,
  MODEL_SORT_FIELDS,
  MODEL_STATUSES,
  MODEL_TYPES,
  PROVIDER_IDS,
  SCOPE_PATTERN,
  type ModelListQuery,
  type ModelSortField,
  type ModelStatus,
  type ModelType,
  type ProviderId,
  type SortDirection,
} from '@llm-registry/contracts';
import { ToBoolean, ToInteger, Trim } from '../../../common/validation/validators';

const SCOPE_MESSAGE = 'must be lowercase letters, digits, and . _ : - (up to 63 characters)';

export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @ToInteger()
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;
}

export class ListModelsQueryDto extends PageQueryDto implements ModelListQuery {
  @ApiPropertyOptional({ enum: MODEL_TYPES })
  @IsOptional()
  @IsIn(MODEL_TYPES, { message: `must be one of ${MODEL_TYPES.join(', ')}` })
  type?: ModelType;

  @ApiPropertyOptional({ enum: PROVIDER_IDS })
  @IsOptional()
  @IsIn(PROVIDER_IDS, { message: `must be one of ${PROVIDER_IDS.join(', ')}` })
  provider?: ProviderId;

  @ApiPropertyOptional({ enum: MODEL_STATUSES })
  @IsOptional()
  @IsIn(MODEL_STATUSES, { message: `must be one of ${MODEL_STATUSES.join(', ')}` })
  status?: ModelStatus;

  @ApiPropertyOptional({ example: GLOBAL_SCOPE })
  @IsOptional()
  @Matches(SCOPE_PATTERN, { message: SCOPE_MESSAGE })
  scope?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @ToBoolean()
  @IsBoolean({ message: 'must be true or false' })
  isDefault?: boolean;

  @ApiPropertyOptional({ description: 'Case-insensitive substring of name, modelName or description.', example: 'llama' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: MODEL_SORT_FIELDS, default: 'priority', description: 'priority sorts by priority, then name.' })
  @IsOptional()
  @IsIn(MODEL_SORT_FIELDS, { message: `must be one of ${MODEL_SORT_FIELDS.join(', ')}` })
  sort?: ModelSortField;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc' })
  @IsOptional()
  @IsIn(['asc', 'desc'], { message: 'must be asc or desc' })
  order?: SortDirection;
}

export class ScopeQueryDto {
  @ApiPropertyOptional({ default: GLOBAL_SCOPE, example: 'team-search', description: 'Models of this scope first, then global ones.' })
  @IsOptional()
  @Matches(SCOPE_PATTERN, { message: SCOPE_MESSAGE })
  scope?: string;
}

export class PublicListQueryDto extends IntersectionType(PageQueryDto, ScopeQueryDto) {}
