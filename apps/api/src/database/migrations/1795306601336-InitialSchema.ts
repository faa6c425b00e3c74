import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class InitialSchema1795306601336 implements MigrationInterface {
  name = 'InitialSchema1795306601336';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Trigram search for `q` (added by hand: TypeORM cannot describe expression indexes).
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(
      `CREATE TABLE "app_state" ("key" character varying(100) NOT NULL, "value" jsonb NOT NULL DEFAULT '{}', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f6be62945719bc9b8c6c6df260c" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "models" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "type" character varying(20) NOT NULL, "provider" character varying(40) NOT NULL, "model_name" character varying(300) NOT NULL, "description" text, "endpoint" character varying(2048), "params" jsonb NOT NULL DEFAULT '{}', "capabilities" jsonb NOT NULL DEFAULT '[]', "status" character varying(20) NOT NULL DEFAULT 'active', "is_default" boolean NOT NULL DEFAULT false, "priority" integer NOT NULL DEFAULT '100', "scope" character varying(63) NOT NULL DEFAULT 'global', "owner" character varying(200), "input_price_per_million" numeric(14,6), "output_price_per_million" numeric(14,6), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "CHK_models_default_is_active" CHECK (NOT "is_default" OR "status" = 'active'), CONSTRAINT "CHK_models_provider" CHECK ("provider" IN ('openai', 'azure_openai', 'anthropic', 'gemini', 'cohere', 'ollama', 'bedrock', 'fireworks', 'openai_compatible')), CONSTRAINT "CHK_models_status" CHECK ("status" IN ('active', 'inactive', 'deprecated')), CONSTRAINT "CHK_models_type" CHECK ("type" IN ('embedding', 'generation', 'rerank', 'ner')), CONSTRAINT "PK_ef9ed7160ea69013636466bf2d5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_models_updated_at" ON "models" ("updated_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_models_created_at" ON "models" ("created_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_models_provider" ON "models" ("provider")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_models_priority_name" ON "models" ("priority", "name")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_models_type_status_priority" ON "models" ("type", "status", "priority", "name")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_models_default_per_type_scope" ON "models" ("type", "scope") WHERE "is_default"`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_models_scope_name" ON "models" ("scope", "name")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_models_search_trgm" ON "models" USING gin ((name || ' ' || model_name || ' ' || coalesce(description, '')) gin_trgm_ops)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_models_search_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_models_scope_name"`);
    await queryRunner.query(
      `DROP INDEX "public"."UQ_models_default_per_type_scope"`,
    );
    await queryRunner.query(
      `DROP INDEX "public"."IDX_models_type_status_priority"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_models_priority_name"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_models_provider"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_models_created_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_models_updated_at"`);
    await queryRunner.query(`DROP TABLE "models"`);
    await queryRunner.query(`DROP TABLE "app_state"`);
  }
}
