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
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  type Page,
  type ProviderConnection,
  type RemoteModelListing,
} from '@llm-registry/contracts';
import {
  ApiGetOne,
  ApiIdParam,
} from '../../common/openapi/api-id-param.decorator';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { ApiVersionedUpdate } from '../../common/openapi/api-versioned-update.decorator';
import { VersionQueryDto } from '../../common/openapi/version-query.dto';
import { ADMIN_API } from '../../common/routes';
import { requireVersion } from '../../common/validation/if-match';
import { UuidParamPipe } from '../../common/validation/validators';
import { DiscoveryService } from './discovery.service';
import { CreateProviderConnectionDto } from './dto/create-provider-connection.dto';
import { ListProviderConnectionsQueryDto } from './dto/list-provider-connections.query';
import {
  ProviderConnectionDto,
  ProviderConnectionPageDto,
  RemoteModelPageDto,
} from './dto/provider-connection.response';
import { RemoteModelsQueryDto } from './dto/remote-models.query';
import { UpdateProviderConnectionDto } from './dto/update-provider-connection.dto';
import { ProviderConnectionsService } from './provider-connections.service';

@ApiTags('Provider connections (admin)')
@Controller(`${ADMIN_API}/providers`)
export class ProvidersController {
  constructor(
    private readonly connections: ProviderConnectionsService,
    private readonly discovery: DiscoveryService,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Register a provider connection',
    description:
      "Endpoint, the provider's own settings and a credential: `apiKey` (stored encrypted) or `authEnv` environment references.",
  })
  @ApiCreatedResponse({ type: ProviderConnectionDto })
  @ApiProblems(400, 409, 413)
  create(
    @Body() body: CreateProviderConnectionDto,
  ): Promise<ProviderConnection> {
    return this.connections.create(body);
  }

  @Get()
  @ApiOperation({
    summary: 'List provider connections',
    description: 'Filter, search, sort and page.',
  })
  @ApiOkResponse({ type: ProviderConnectionPageDto })
  @ApiProblems(400)
  list(
    @Query() query: ListProviderConnectionsQueryDto,
  ): Promise<Page<ProviderConnection>> {
    return this.connections.list(query);
  }

  @ApiGetOne('Provider connection', ProviderConnectionDto)
  get(@Param('id', UuidParamPipe) id: string): Promise<ProviderConnection> {
    return this.connections.get(id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Update a provider connection',
    description:
      'Send the `version` you read (or If-Match). A secret left out, or sent back as its masked hint, keeps the stored value. Changing `baseUrl` requires entering the secret again.',
  })
  @ApiIdParam('Provider connection')
  @ApiOkResponse({ type: ProviderConnectionDto })
  @ApiVersionedUpdate()
  update(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: UpdateProviderConnectionDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<ProviderConnection> {
    const version = requireVersion(body.version, ifMatch);
    return this.connections.update(id, { ...body, version });
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a provider connection',
    description:
      'Refused with 409 while models use it. Its stored secret is deleted with it.',
  })
  @ApiIdParam('Provider connection')
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiProblems(400, 404, 409)
  async remove(
    @Param('id', UuidParamPipe) id: string,
    @Query() query: VersionQueryDto,
  ): Promise<void> {
    await this.connections.remove(id, query.version);
  }

  @Get(':id/remote-models')
  @ApiOperation({
    summary: 'Models the provider offers',
    description:
      'Asks the provider through this connection, with a guessed type and the context window where the provider says it. Azure deployments are typed in instead (422).',
  })
  @ApiIdParam('Provider connection')
  @ApiOkResponse({ type: RemoteModelPageDto })
  @ApiProblems(400, 404, 422, 502)
  remoteModels(
    @Param('id', UuidParamPipe) id: string,
    @Query() query: RemoteModelsQueryDto,
  ): Promise<Page<RemoteModelListing>> {
    return this.discovery.list(id, query);
  }
}
