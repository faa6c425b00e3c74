import { type INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export const DOCS_PATH = 'api/docs';

/** OpenAPI 3 at /api/docs (UI) and /api/docs-json. */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('LLM Registry API')
    .setDescription(
      [
        'Registry and control plane for the language models an organisation uses.',
        '',
        '- **Admin** routes (`/api/v1/admin/...`) manage models.',
        '- **Public** routes (`/api/v1/models/...`, `/api/v1/catalog/...`) are read by consuming services.',
        '- Errors are `application/problem+json` (RFC 9457) with a stable `code`, a `correlationId` (also the',
        '  `X-Correlation-Id` header) and, for invalid input, `errors[]` naming each field.',
        '- Writes carry the `version` they read; a stale one gets 409 and changes nothing.',
      ].join('\n'),
    )
    .setVersion('1.0')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup(DOCS_PATH, app, document, {
    jsonDocumentUrl: `${DOCS_PATH}-json`,
  });
}
