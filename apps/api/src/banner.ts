import { type AppConfig } from './config/app-config';
import { type DatabaseHandle } from './database/database-handle';
import { hasAdminApp } from './common/admin-app/admin-app';
import { DOCS_PATH } from './common/openapi/setup-openapi';
import { type GeneratedCredentials } from './modules/auth/bootstrap.service';

/** What a person needs after `npm start`: where things are and which mode runs. */
export function formatBanner(
  config: AppConfig,
  database: DatabaseHandle,
  credentials: GeneratedCredentials | null = null,
  generatedKeyringFile: string | null = null,
): string {
  const host =
    config.host === '0.0.0.0' || config.host === '::'
      ? 'localhost'
      : config.host;
  const base = `http://${host}:${config.port}`;
  const lines = [
    'LLM Registry is running',
    `  Mode      ${database.mode === 'embedded' ? 'embedded (single process, PGlite)' : 'full (PostgreSQL)'}`,
    hasAdminApp(config.adminAppDir)
      ? `  Admin UI  ${base}/`
      : '  Admin UI  not built (npx nx build admin)',
    `  API       ${base}/api/v1`,
    `  Swagger   ${base}/${DOCS_PATH}`,
    `  Health    ${base}/health/ready`,
    `  Database  ${database.description}`,
  ];
  if (database.mode === 'embedded') lines.push(`  Data dir  ${config.dataDir}`);
  if (generatedKeyringFile) {
    lines.push(
      `  Secrets   master key generated in ${generatedKeyringFile} (0600): back it up`,
    );
  }
  if (credentials) {
    lines.push(
      `  Sign in   ${credentials.email}`,
      `  Password  ${credentials.password}`,
      '            shown this once: sign in and change it (POST /api/v1/auth/password)',
    );
  }
  const width = Math.max(...lines.map((l) => l.length)) + 2;
  const rule = '─'.repeat(width);
  return [
    '',
    `┌${rule}┐`,
    ...lines.map((l) => `│ ${l.padEnd(width - 1)}│`),
    `└${rule}┘`,
    '',
  ].join('\n');
}
