import {
  Controller,
  Get,
  Injectable,
  Param,
  type PipeTransform,
  Query,
} from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import {
  DEFAULT_PAGE_SIZE,
  MODEL_TYPES,
  isModelType,
  type ModelType,
  type Page,
  type PublicModel,
} from '@llm-registry/contracts';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { ValidationProblem } from '../../common/problem/problem.exception';
import { API_V1 } from '../../common/routes';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { type Principal } from '../../common/request-context/principal';
import { readScope } from '../auth/read-scope';
import { PublicListQueryDto, ScopeQueryDto } from './dto/list-models.query';
import { PublicModelDto, PublicModelPageDto } from './dto/model.response';
import { ModelDefaultsService } from './model-defaults.service';
import { ModelsService } from './models.service';

@Injectable()
class ModelTypePipe implements PipeTransform<string, ModelType> {
  transform(value: string): ModelType {
    if (!isModelType(value)) {
      throw new ValidationProblem([
        { field: 'type', message: `must be one of ${MODEL_TYPES.join(', ')}` },
      ]);
    }
    return value;
  }
}

const TYPE_PARAM = {
  name: 'type',
  enum: MODEL_TYPES,
  description: 'embedding, generation, rerank or ner',
} as const;

/** What consuming services read: serving models (active, then deprecated), no connection internals. */
@ApiTags('Models')
@Controller(`${API_V1}/models`)
export class PublicModelsController {
  constructor(
    private readonly models: ModelsService,
    private readonly defaults: ModelDefaultsService,
  ) {}

  @Get(':type')
  @ApiOperation({
    summary: 'Models of a type that serve, in fallback order',
    description:
      'With `scope`, that scope’s models come first, then global ones; active before deprecated, then by priority and name. A deprecated model carries `deprecation` (sunset and successor): move to the successor.',
  })
  @ApiParam(TYPE_PARAM)
  @ApiOkResponse({ type: PublicModelPageDto })
  @ApiProblems(400)
  list(
    @Param('type', ModelTypePipe) type: ModelType,
    @Query() query: PublicListQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<PublicModel>> {
    return this.models.listServing(
      type,
      readScope(principal, query.scope),
      query.page ?? 1,
      query.pageSize ?? DEFAULT_PAGE_SIZE,
    );
  }

  @Get(':type/default')
  @ApiOperation({
    summary: 'The default model of a type',
    description: "The scope's default, else the global default, else 404.",
  })
  @ApiParam(TYPE_PARAM)
  @ApiOkResponse({ type: PublicModelDto })
  @ApiProblems(400, 404)
  getDefault(
    @Param('type', ModelTypePipe) type: ModelType,
    @Query() query: ScopeQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PublicModel> {
    return this.defaults.getDefault(type, readScope(principal, query.scope));
  }
}
