import { type INestApplication } from '@nestjs/common';
import {
  DocumentBuilder,
  type OpenAPIObject,
  SwaggerModule,
} from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, SESSION_COOKIE } from '@llm-registry/contracts';
import {
  ACCESS_EXTENSION,
  describeAccess,
  requiredAccess,
} from '../../modules/auth/access';
import { API_TAGS } from './api-tags';

export const DOCS_PATH = 'api/docs';

const HTTP_METHODS = [
  'get',
  'put',
  'post',
  'delete',
  'patch',
  'head',
  'options',
] as const;
const PROBLEM_SCHEMA = { $ref: '#/components/schemas/ProblemDto' };

/**
 * States, on every operation, the security schemes and the role it needs, from the same rule the
 * guard applies, so the docs cannot drift from what is enforced.
 */
function documentAccess(document: OpenAPIObject): void {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const declared = operation[ACCESS_EXTENSION as keyof typeof operation] as
        | 'public'
        | 'users'
        | undefined;
      const access = requiredAccess(method, path, declared);
      operation['x-required-role' as keyof typeof operation] = describeAccess(
        access,
      ) as never;
      operation.description = [
        operation.description,
        `**Requires:** ${describeAccess(access)}.`,
      ]
        .filter(Boolean)
        .join('\n\n');
      if (access === 'public') {
        operation.security = [];
        continue;
      }
      operation.security = [{ bearer: [] }, { session: [] }];
      operation.responses['401'] ??= {
        description:
          'Not signed in, or the token or API key is invalid, expired or revoked.',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: PROBLEM_SCHEMA } },
      };
      operation.responses['403'] ??= {
        description: `Signed in without the required role (${describeAccess(access)}), or a cookie write without its CSRF token.`,
        content: { [PROBLEM_CONTENT_TYPE]: { schema: PROBLEM_SCHEMA } },
      };
    }
  }
}

/** Bodies are read as JSON only (a form post from another site must not sign anyone in). */
function documentJsonOnly(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation?.requestBody) continue;
      operation.responses['415'] ??= {
        description: 'The body is not `application/json`.',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: PROBLEM_SCHEMA } },
      };
    }
  }
}

/** The OpenAPI 3 document of every route the application registers. */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('LLM Registry API')
    .setDescription(
      [
        'Registry and control plane for the language models an organisation uses.',
        '',
        '- **Admin** routes (`/api/v1/admin/...`): admins write, viewers read.',
        '- **Public** routes (`/api/v1/models/...`, `/api/v1/catalog/...`): any signed-in user or API key; a scoped',
        '  API key reads its own scope plus global.',
        '- **Authentication**: `POST /api/v1/auth/login` answers an access token (send `Authorization: Bearer llmrs_…`)',
        '  and sets a session cookie; services send their API key as `Authorization: Bearer llmr_…`.',
        '- Errors are `application/problem+json` (RFC 9457) with a stable `code`, a `correlationId` (also the',
        '  `X-Correlation-Id` header) and, for invalid input, `errors[]` naming each field.',
        '- Writes carry the `version` they read; a stale one gets 409 and changes nothing.',
      ].join('\n'),
    )
    .setVersion('1.0')
    .setLicense('MIT', 'https://opensource.org/licenses/MIT')
    // Relative: the API is served from the same origin as these docs, wherever it is deployed.
    .addServer('/', 'This registry (the origin serving these docs)')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        description:
          'An API key (`llmr_…`) or an access token from login (`llmrs_…`).',
      },
      'bearer',
    )
    .addCookieAuth(
      SESSION_COOKIE,
      {
        type: 'apiKey',
        in: 'cookie',
        description:
          'Session cookie set by login; writes also need X-CSRF-Token.',
      },
      'session',
    );
  for (const tag of API_TAGS) builder.addTag(tag.name, tag.description);
  const document = SwaggerModule.createDocument(app, builder.build());
  documentAccess(document);
  documentJsonOnly(document);
  return document;
}

/** OpenAPI 3 at /api/docs (UI) and /api/docs-json. */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup(DOCS_PATH, app, createOpenApiDocument(app), {
    jsonDocumentUrl: `${DOCS_PATH}-json`,
    swaggerOptions: { persistAuthorization: true },
  });
}
