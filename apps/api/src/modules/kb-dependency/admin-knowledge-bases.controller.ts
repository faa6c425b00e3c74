import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import {
  type KnowledgeBaseWithModels,
  type ModelDependents,
  type Page,
} from '@llm-registry/contracts';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { ADMIN_API } from '../../common/routes';
import { UuidParamPipe } from '../../common/validation/validators';
import { KnowledgeBasePageDto } from './dto/knowledge-base.response';
import { ListKnowledgeBasesQueryDto } from './dto/list-knowledge-bases.query';
import { ModelDependentsDto } from './dto/model-dependents.response';
import { KnowledgeBasesService } from './knowledge-bases.service';

/** Which knowledge base uses which model, for admins and viewers. */
@ApiTags('Knowledge bases (admin)')
@Controller(ADMIN_API)
export class AdminKnowledgeBasesController {
  constructor(private readonly knowledgeBases: KnowledgeBasesService) {}

  @Get('knowledge-bases')
  @ApiOperation({
    summary: 'List knowledge bases with their models',
    description:
      'Each with the models it uses: bound, or the default it falls back to; `toMigrate` lists bound models that are deprecated.',
  })
  @ApiOkResponse({ type: KnowledgeBasePageDto })
  @ApiProblems(400)
  list(
    @Query() query: ListKnowledgeBasesQueryDto,
  ): Promise<Page<KnowledgeBaseWithModels>> {
    return this.knowledgeBases.list(query);
  }

  @Get('models/:id/dependents')
  @ApiOperation({
    summary: 'Who relies on a model',
    description:
      'The knowledge bases naming it, and, while it is a default, those relying on the default; plus the models that could take over (pass one as `reassignTo` when deleting or deactivating).',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'Model id' })
  @ApiOkResponse({ type: ModelDependentsDto })
  @ApiProblems(400, 404)
  dependents(@Param('id', UuidParamPipe) id: string): Promise<ModelDependents> {
    return this.knowledgeBases.dependents(id);
  }
}
