import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class AddProviderConnections1795315077279 implements MigrationInterface {
  name = 'AddProviderConnections1795315077279';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "provider_connections" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "provider" character varying(40) NOT NULL, "base_url" character varying(2048), "settings" jsonb NOT NULL DEFAULT '{}', "secret_id" uuid, "auth_env" jsonb, "enabled" boolean NOT NULL DEFAULT true, "last_test_status" character varying(20), "last_test_at" TIMESTAMP WITH TIME ZONE, "last_test_latency_ms" integer, "last_test_message" text, CONSTRAINT "CHK_provider_connections_one_credential_form" CHECK ("secret_id" IS NULL OR "auth_env" IS NULL), CONSTRAINT "CHK_provider_connections_provider" CHECK ("provider" IN ('openai', 'azure_openai', 'anthropic', 'gemini', 'cohere', 'ollama', 'bedrock', 'fireworks', 'openai_compatible')), CONSTRAINT "PK_e214ce18aa55a4cf2518dc88293" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_provider_connections_provider" ON "provider_connections"  ("provider")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_provider_connections_name" ON "provider_connections"  ("name")`,
    );
    await queryRunner.query(
      `ALTER TABLE "models" ADD "provider_connection_id" uuid`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_models_provider_connection" ON "models"  ("provider_connection_id", "model_name")`,
    );
    await queryRunner.query(
      `ALTER TABLE "provider_connections" ADD CONSTRAINT "FK_provider_connections_secret" FOREIGN KEY ("secret_id") REFERENCES "secrets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "models" ADD CONSTRAINT "FK_models_provider_connection" FOREIGN KEY ("provider_connection_id") REFERENCES "provider_connections"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "models" DROP CONSTRAINT "FK_models_provider_connection"`,
    );
    await queryRunner.query(
      `ALTER TABLE "provider_connections" DROP CONSTRAINT "FK_provider_connections_secret"`,
    );
    await queryRunner.query(
      `DROP INDEX "public"."IDX_models_provider_connection"`,
    );
    await queryRunner.query(
      `ALTER TABLE "models" DROP COLUMN "provider_connection_id"`,
    );
    await queryRunner.query(
      `DROP INDEX "public"."UQ_provider_connections_name"`,
    );
    await queryRunner.query(
      `DROP INDEX "public"."IDX_provider_connections_provider"`,
    );
    await queryRunner.query(`DROP TABLE "provider_connections"`);
  }
}
