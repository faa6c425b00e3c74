import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** The catalogue's endpoints when this migration was written (no base URL: these were called). */
const DEFAULT_ORIGINS: Record<string, string> = {
  openai: 'https://api.openai.com',
  anthropic: 'https://api.anthropic.com',
  gemini: 'https://generativelanguage.googleapis.com',
  cohere: 'https://api.cohere.com',
  ollama: 'http://localhost:11434',
  fireworks: 'https://api.fireworks.ai',
};

const CATEGORIES_BEFORE = `'auth', 'not_found', 'rate_limited', 'quota', 'timeout', 'network', 'bad_response', 'dimension_mismatch', 'unsupported', 'egress_denied'`;

/**
 * A stored secret is bound to the origin it was entered for. Existing secrets are bound to where their
 * connection pointed, which is where they have been sent so far.
 */
export class BindSecretsToOrigins1795340412870 implements MigrationInterface {
  name = 'BindSecretsToOrigins1795340412870';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "provider_connections" ADD "secret_origin" character varying(2048)`,
    );
    const rows: Array<{
      id: string;
      provider: string;
      base_url: string | null;
      region: string | null;
    }> = await queryRunner.query(
      `SELECT "id", "provider", "base_url", "settings"->>'region' AS "region" FROM "provider_connections" WHERE "secret_id" IS NOT NULL`,
    );
    for (const row of rows) {
      const origin = originOf(
        row.base_url?.trim() ||
          (row.provider === 'bedrock'
            ? `https://bedrock-runtime.${row.region?.trim() || 'us-east-1'}.amazonaws.com`
            : DEFAULT_ORIGINS[row.provider]),
      );
      await queryRunner.query(
        `UPDATE "provider_connections" SET "secret_origin" = $1 WHERE "id" = $2`,
        [origin, row.id],
      );
    }
    await queryRunner.query(
      `ALTER TABLE "connection_tests" DROP CONSTRAINT "CHK_connection_tests_category"`,
    );
    await queryRunner.query(
      `ALTER TABLE "connection_tests" ADD CONSTRAINT "CHK_connection_tests_category" CHECK ("category" IS NULL OR "category" IN (${CATEGORIES_BEFORE}, 'credential_origin_refused'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "connection_tests" SET "category" = 'auth' WHERE "category" = 'credential_origin_refused'`,
    );
    await queryRunner.query(
      `ALTER TABLE "connection_tests" DROP CONSTRAINT "CHK_connection_tests_category"`,
    );
    await queryRunner.query(
      `ALTER TABLE "connection_tests" ADD CONSTRAINT "CHK_connection_tests_category" CHECK ("category" IS NULL OR "category" IN (${CATEGORIES_BEFORE}))`,
    );
    await queryRunner.query(
      `ALTER TABLE "provider_connections" DROP COLUMN "secret_origin"`,
    );
  }
}

/** Unparseable or missing: null, which matches no origin, so the key must be entered again. */
function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:'
      ? parsed.origin
      : null;
  } catch {
    return null;
  }
}
