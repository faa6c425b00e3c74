import {
  Body,
  Controller,
  Delete,
  HttpCode,
  Injectable,
  Param,
  type PipeTransform,
  Put,
  Res,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { type FastifyReply } from 'fastify';
import {
  KNOWLEDGE_BASE_ID_PATTERN,
  type KnowledgeBase,
} from '@llm-registry/contracts';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { ValidationProblem } from '../../common/problem/problem.exception';
import { API_V1 } from '../../common/routes';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { type Principal } from '../../common/request-context/principal';
import { KnowledgeBaseDto } from './dto/knowledge-base.response';
import { UpsertKnowledgeBaseDto } from './dto/upsert-knowledge-base.dto';
import { ApiBindingRefusals } from '../../common/model-guard/api-model-guards.decorator';
import { KnowledgeBasesService } from './knowledge-bases.service';

@Injectable()
class KnowledgeBaseIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!KNOWLEDGE_BASE_ID_PATTERN.test(value))
      throw new ValidationProblem([
        {
          field: 'kbId',
          message:
            'must be letters, digits, and . _ : - (up to 100 characters, starting with a letter or digit)',
        },
      ]);
    return value;
  }
}

const KB_ID_PARAM = {
  name: 'kbId',
  example: 'support-faq',
  description: 'Chosen by the service that owns the knowledge base.',
} as const;

/** Where knowledge-base features declare the models they use. */
@ApiTags('Knowledge bases')
@ApiParam(KB_ID_PARAM)
@ApiForbiddenResponse({
  description:
    'A viewer. A scoped key gets 404 for a knowledge base of another scope, as for a missing one.',
})
@Controller(`${API_V1}/knowledge-bases`)
export class KnowledgeBasesController {
  constructor(private readonly knowledgeBases: KnowledgeBasesService) {}

  @Put(':kbId')
  @ApiOperation({
    summary: 'Declare the models a knowledge base uses',
    description:
      'Idempotent: the same declaration again changes nothing. Each named model must be active, of the role’s type, and of the knowledge base’s scope or global. While bound, a model cannot be deleted or deactivated without naming a replacement, and an embedding model’s dimensions, provider, modelName and connection cannot change. Admins and API keys only; a scoped key manages its own scope’s knowledge bases.',
  })
  @ApiOkResponse({
    type: KnowledgeBaseDto,
    description: 'Updated (or unchanged).',
  })
  @ApiCreatedResponse({ type: KnowledgeBaseDto, description: 'Created.' })
  @ApiBindingRefusals()
  @ApiProblems(400, 401, 404, 413)
  async upsert(
    @Param('kbId', KnowledgeBaseIdPipe) kbId: string,
    @Body() body: UpsertKnowledgeBaseDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<KnowledgeBase> {
    const { knowledgeBase, created } = await this.knowledgeBases.upsert(
      principal,
      kbId,
      body,
    );
    reply.status(created ? 201 : 200);
    return knowledgeBase;
  }

  @Delete(':kbId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Remove a knowledge base',
    description:
      'Its models are free to change again once nothing else uses them.',
  })
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiProblems(400, 401, 404)
  async remove(
    @Param('kbId', KnowledgeBaseIdPipe) kbId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    await this.knowledgeBases.remove(principal, kbId);
  }
}
