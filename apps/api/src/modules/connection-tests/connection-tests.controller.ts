import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import {
  type ConnectionTest,
  type ConnectionTestAccepted,
  type Page,
} from '@llm-registry/contracts';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { ADMIN_API } from '../../common/routes';
import { UuidParamPipe } from '../../common/validation/validators';
import { ConnectionTestsService } from './connection-tests.service';
import {
  ConnectionTestAcceptedDto,
  ConnectionTestDto,
  ConnectionTestPageDto,
} from './dto/connection-test.response';
import { DraftConnectionTestDto } from './dto/draft-connection-test.dto';
import { ListConnectionTestsQueryDto } from './dto/list-connection-tests.query';

const POLL =
  'Answers 202 at once; the test runs as a job. Poll GET /api/v1/admin/connection-tests/{id} until status is passed or failed.';

/** Connection tests: queued as jobs, probed by type, kept as history. */
@ApiTags('Connection tests (admin)')
@Controller(ADMIN_API)
export class ConnectionTestsController {
  constructor(private readonly tests: ConnectionTestsService) {}

  @Post('models/test')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Test an unsaved model (and, optionally, an unsaved connection)',
    description: `So admins can test before saving. ${POLL}`,
  })
  @ApiAcceptedResponse({ type: ConnectionTestAcceptedDto })
  @ApiProblems(400, 413, 503)
  testDraft(
    @Body() body: DraftConnectionTestDto,
  ): Promise<ConnectionTestAccepted> {
    return this.tests.testDraft(body);
  }

  @Post('models/:id/test')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Test a model the way it is used',
    description: `Generation: a short completion; embedding: one vector, checked against \`dimensions\`; rerank: two documents ranked. ${POLL}`,
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'Model id' })
  @ApiAcceptedResponse({ type: ConnectionTestAcceptedDto })
  @ApiProblems(400, 404, 503)
  testModel(
    @Param('id', UuidParamPipe) id: string,
  ): Promise<ConnectionTestAccepted> {
    return this.tests.testModel(id);
  }

  @Get('models/:id/tests')
  @ApiOperation({
    summary: "A model's connection tests, newest first",
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'Model id' })
  @ApiOkResponse({ type: ConnectionTestPageDto })
  @ApiProblems(400, 404)
  modelHistory(
    @Param('id', UuidParamPipe) id: string,
    @Query() query: ListConnectionTestsQueryDto,
  ): Promise<Page<ConnectionTest>> {
    return this.tests.historyOfModel(id, query);
  }

  @Post('providers/:id/test')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Test a provider connection',
    description: `Lists the provider's models where it can; otherwise (Azure, Bedrock) probes the connection's first active model. ${POLL}`,
  })
  @ApiParam({
    name: 'id',
    format: 'uuid',
    description: 'Provider connection id',
  })
  @ApiAcceptedResponse({ type: ConnectionTestAcceptedDto })
  @ApiProblems(400, 404, 503)
  testProvider(
    @Param('id', UuidParamPipe) id: string,
  ): Promise<ConnectionTestAccepted> {
    return this.tests.testProvider(id);
  }

  @Get('providers/:id/tests')
  @ApiOperation({
    summary: "A connection's tests (its own and its models'), newest first",
  })
  @ApiParam({
    name: 'id',
    format: 'uuid',
    description: 'Provider connection id',
  })
  @ApiOkResponse({ type: ConnectionTestPageDto })
  @ApiProblems(400, 404)
  connectionHistory(
    @Param('id', UuidParamPipe) id: string,
    @Query() query: ListConnectionTestsQueryDto,
  ): Promise<Page<ConnectionTest>> {
    return this.tests.historyOfConnection(id, query);
  }

  @Get('connection-tests/:id')
  @ApiOperation({ summary: 'One connection test: its status, then its result' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'Connection test id' })
  @ApiOkResponse({ type: ConnectionTestDto })
  @ApiProblems(400, 404)
  get(@Param('id', UuidParamPipe) id: string): Promise<ConnectionTest> {
    return this.tests.get(id);
  }
}
