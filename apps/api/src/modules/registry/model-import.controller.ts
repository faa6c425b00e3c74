import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type ImportModelsResponse } from '@llm-registry/contracts';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { ADMIN_API } from '../../common/routes';
import { UuidParamPipe } from '../../common/validation/validators';
import { ApiIdParam } from '../../common/openapi/api-id-param.decorator';
import {
  ImportModelsDto,
  ImportModelsResponseDto,
} from './dto/import-models.dto';
import { ModelImportService } from './model-import.service';

@ApiTags('Provider connections (admin)')
@Controller(`${ADMIN_API}/providers`)
export class ModelImportController {
  constructor(private readonly imports: ModelImportService) {}

  @Post(':id/import')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Register models the provider offers',
    description:
      'Looks the models up at the provider once, then registers each one attached to this connection, with its type, context window and dimensions where the provider says them. The answer has a result per model.',
  })
  @ApiIdParam('Provider connection')
  @ApiOkResponse({ type: ImportModelsResponseDto })
  @ApiProblems(400, 404, 413, 422, 502)
  import(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: ImportModelsDto,
  ): Promise<ImportModelsResponse> {
    return this.imports.import(id, body);
  }
}
