import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiOkResponse,
  ApiCreatedResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  type BulkActionResponse,
  type Model,
  type Page,
} from '@llm-registry/contracts';
import {
  ApiGetOne,
  ApiIdParam,
} from '../../common/openapi/api-id-param.decorator';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { ApiModelGuards } from '../../common/model-guard/api-model-guards.decorator';
import { ApiVersionedUpdate } from '../../common/openapi/api-versioned-update.decorator';
import { ADMIN_API } from '../../common/routes';
import { requireVersion } from '../../common/validation/if-match';
import { UuidParamPipe } from '../../common/validation/validators';
import { CreateModelDto } from './dto/create-model.dto';
import { ListModelsQueryDto } from './dto/list-models.query';
import {
  BulkActionDto,
  DeleteModelQueryDto,
  SetDefaultDto,
  UpdateModelStatusDto,
} from './dto/model-actions.dto';
import {
  BulkActionResponseDto,
  ModelDto,
  ModelPageDto,
} from './dto/model.response';
import { UpdateModelDto } from './dto/update-model.dto';
import { ModelBulkService } from './model-bulk.service';
import { ModelDefaultsService } from './model-defaults.service';
import { ModelLifecycleService } from './model-lifecycle.service';
import { ModelsService } from './models.service';

@ApiTags('Models (admin)')
@Controller(`${ADMIN_API}/models`)
export class AdminModelsController {
  constructor(
    private readonly models: ModelsService,
    private readonly lifecycle: ModelLifecycleService,
    private readonly defaults: ModelDefaultsService,
    private readonly bulkActions: ModelBulkService,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Register a model',
    description: 'Validated against the provider catalogue.',
  })
  @ApiCreatedResponse({ type: ModelDto })
  @ApiProblems(400, 409, 413)
  create(@Body() body: CreateModelDto): Promise<Model> {
    return this.models.create(body);
  }

  @Get()
  @ApiOperation({
    summary: 'List models',
    description:
      'Filter, search, sort and page. Default order: priority, then name.',
  })
  @ApiOkResponse({ type: ModelPageDto })
  @ApiProblems(400)
  list(@Query() query: ListModelsQueryDto): Promise<Page<Model>> {
    return this.models.list(query);
  }

  @Post('bulk')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Activate, deactivate or delete many models',
    description:
      'Each id is applied on its own, with the knowledge-base guards; the answer has a result per id (a refused one carries its code and dependents).',
  })
  @ApiOkResponse({ type: BulkActionResponseDto })
  @ApiProblems(400, 413)
  bulk(@Body() body: BulkActionDto): Promise<BulkActionResponse> {
    return this.bulkActions.bulk(body);
  }

  @ApiGetOne('Model', ModelDto)
  get(@Param('id', UuidParamPipe) id: string): Promise<Model> {
    return this.models.get(id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Update a model',
    description:
      'Send the `version` you read (or If-Match). Fields left out keep their value; params and capabilities are replaced whole.',
  })
  @ApiIdParam('Model')
  @ApiOkResponse({ type: ModelDto })
  @ApiModelGuards(['pinned'])
  @ApiVersionedUpdate()
  update(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: UpdateModelDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<Model> {
    const version = requireVersion(body.version, ifMatch);
    return this.models.update(id, { ...body, version });
  }

  @Patch(':id/status')
  @ApiOperation({
    summary: 'Activate, deactivate or deprecate a model',
    description:
      'Leaving active also clears its default flag. Deactivating a model knowledge bases are bound to needs `reassignTo`; leaving active as a default knowledge bases rely on needs `newDefaultId`. Deprecating keeps the bindings (they are listed as to migrate) and may set `sunsetAt` and `successorId`.',
  })
  @ApiIdParam('Model')
  @ApiOkResponse({ type: ModelDto })
  @ApiModelGuards(['inUse', 'defaultInUse', 'reindex'])
  @ApiProblems(400, 404)
  setStatus(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: UpdateModelStatusDto,
  ): Promise<Model> {
    return this.lifecycle.setStatus(id, body);
  }

  @Patch(':id/default')
  @ApiOperation({
    summary: 'Make a model the default of its type in its scope',
    description:
      'Clears the previous default atomically. Only an active model can be the default (409 otherwise).',
  })
  @ApiIdParam('Model')
  @ApiOkResponse({ type: ModelDto })
  @ApiProblems(400, 404, 409)
  setDefault(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: SetDefaultDto,
  ): Promise<Model> {
    return this.defaults.setDefault(id, body.version);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a model',
    description:
      'Refused with 409 MODEL_IN_USE while knowledge bases rely on it, unless `reassignTo` names a replacement (same type; for embeddings the same dimensions, else 409 REINDEX_NEEDED) and, for a default they rely on, `newDefaultId` names the new default. The hand-over and the delete are one transaction and one audit event. See GET /admin/models/{id}/dependents.',
  })
  @ApiIdParam('Model')
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiModelGuards(['inUse', 'defaultInUse', 'reindex'])
  @ApiProblems(400, 404)
  async remove(
    @Param('id', UuidParamPipe) id: string,
    @Query() query: DeleteModelQueryDto,
  ): Promise<void> {
    await this.lifecycle.remove(id, query);
  }
}
