import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import {
  type ApiKey,
  type CreatedApiKey,
  type Page,
} from '@llm-registry/contracts';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { PageQueryDto } from '../../common/openapi/page-query.dto';
import { ADMIN_API } from '../../common/routes';
import { UuidParamPipe } from '../../common/validation/validators';
import { ApiKeysService } from './api-keys.service';
import { CurrentPrincipal } from './current-principal.decorator';
import {
  ApiKeyPageDto,
  CreateApiKeyDto,
  CreatedApiKeyDto,
} from './dto/auth.dto';
import { type Principal } from '../../common/request-context/principal';

@ApiTags('API keys (admin)')
@Controller(`${ADMIN_API}/api-keys`)
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @ApiOperation({
    summary: 'Create an API key for a service',
    description:
      'The answer carries the key (`llmr_…`) this one time; only a hash and a short prefix are stored.',
  })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  @ApiProblems(400)
  create(
    @Body() body: CreateApiKeyDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CreatedApiKey> {
    return this.apiKeys.create(
      body,
      principal.kind === 'user' ? principal.id : null,
    );
  }

  @Get()
  @ApiOperation({
    summary: 'List API keys',
    description:
      'Newest first, with prefix, status and last use; never the key.',
  })
  @ApiOkResponse({ type: ApiKeyPageDto })
  @ApiProblems(400)
  list(@Query() query: PageQueryDto): Promise<Page<ApiKey>> {
    return this.apiKeys.list(query.page, query.pageSize);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Revoke an API key',
    description: 'Takes effect on the next request made with it.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse({ description: 'Revoked.' })
  @ApiProblems(400, 404)
  async revoke(@Param('id', UuidParamPipe) id: string): Promise<void> {
    await this.apiKeys.revoke(id);
  }
}
