import { Controller, Get } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  buildProviderCatalog,
  type ProviderCatalogEntry,
} from '@llm-registry/contracts';
import { API_V1 } from '../../common/routes';
import { ParamSpecDto, ProviderCatalogEntryDto } from './dto/catalog.response';

/** The catalogue is static: built once, served as is. */
const CATALOG = buildProviderCatalog();

@ApiTags('Catalogue')
@ApiExtraModels(ParamSpecDto)
@Controller(`${API_V1}/catalog`)
export class CatalogController {
  @Get('providers')
  @ApiOperation({
    summary: 'The provider catalogue',
    description:
      'Per provider: the model types it serves, its connection fields and the params of each type. Models are validated against it.',
  })
  @ApiOkResponse({ type: [ProviderCatalogEntryDto] })
  providers(): ProviderCatalogEntry[] {
    return CATALOG;
  }
}
