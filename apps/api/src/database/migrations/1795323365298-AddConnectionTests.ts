import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class AddConnectionTests1795323365298 implements MigrationInterface {
  name = 'AddConnectionTests1795323365298';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "connection_tests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "subject" character varying(20) NOT NULL, "trigger" character varying(20) NOT NULL DEFAULT 'manual', "model_id" uuid, "provider_connection_id" uuid, "draft_model" jsonb, "draft_connection" jsonb, "draft_secret_id" uuid, "status" character varying(20) NOT NULL DEFAULT 'queued', "category" character varying(30), "message" text, "latency_ms" integer, "details" jsonb NOT NULL DEFAULT '{}', "attempts" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "CHK_connection_tests_category" CHECK ("category" IS NULL OR "category" IN ('auth', 'not_found', 'rate_limited', 'quota', 'timeout', 'network', 'bad_response', 'dimension_mismatch', 'unsupported')), CONSTRAINT "CHK_connection_tests_trigger" CHECK ("trigger" IN ('manual', 'scheduled')), CONSTRAINT "CHK_connection_tests_subject" CHECK ("subject" IN ('model', 'draft', 'provider')), CONSTRAINT "CHK_connection_tests_status" CHECK ("status" IN ('queued', 'running', 'passed', 'failed')), CONSTRAINT "PK_a1c5deb80f6e802cd582fdeb1fc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_connection_tests_connection_started" ON "connection_tests"  ("provider_connection_id", "started_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_connection_tests_connection_created" ON "connection_tests"  ("provider_connection_id", "created_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_connection_tests_model_created" ON "connection_tests"  ("model_id", "created_at")`,
    );
    await queryRunner.query(
      `ALTER TABLE "provider_connections" ADD "last_test_id" uuid`,
    );
    await queryRunner.query(
      `ALTER TABLE "provider_connections" ADD "last_test_category" character varying(30)`,
    );
    await queryRunner.query(`ALTER TABLE "models" ADD "last_test_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "models" ADD "last_test_status" character varying(20)`,
    );
    await queryRunner.query(
      `ALTER TABLE "models" ADD "last_test_category" character varying(30)`,
    );
    await queryRunner.query(
      `ALTER TABLE "models" ADD "last_test_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "models" ADD "last_test_latency_ms" integer`,
    );
    await queryRunner.query(
      `ALTER TABLE "models" ADD "last_test_message" text`,
    );
    await queryRunner.query(
      `ALTER TABLE "models" ADD "health_check_interval_minutes" integer`,
    );
    await queryRunner.query(
      `ALTER TABLE "models" ADD "health_check_daily_cap" integer`,
    );
    await queryRunner.query(
      `ALTER TABLE "models" ADD CONSTRAINT "CHK_models_health_check_complete" CHECK (("health_check_interval_minutes" IS NULL) = ("health_check_daily_cap" IS NULL))`,
    );
    await queryRunner.query(
      `ALTER TABLE "connection_tests" ADD CONSTRAINT "FK_connection_tests_model" FOREIGN KEY ("model_id") REFERENCES "models"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "connection_tests" ADD CONSTRAINT "FK_connection_tests_provider_connection" FOREIGN KEY ("provider_connection_id") REFERENCES "provider_connections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "connection_tests" ADD CONSTRAINT "FK_connection_tests_draft_secret" FOREIGN KEY ("draft_secret_id") REFERENCES "secrets"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "connection_tests" DROP CONSTRAINT "FK_connection_tests_draft_secret"`,
    );
    await queryRunner.query(
      `ALTER TABLE "connection_tests" DROP CONSTRAINT "FK_connection_tests_provider_connection"`,
    );
    await queryRunner.query(
      `ALTER TABLE "connection_tests" DROP CONSTRAINT "FK_connection_tests_model"`,
    );
    await queryRunner.query(
      `ALTER TABLE "models" DROP CONSTRAINT "CHK_models_health_check_complete"`,
    );
    await queryRunner.query(
      `ALTER TABLE "models" DROP COLUMN "health_check_daily_cap"`,
    );
    await queryRunner.query(
      `ALTER TABLE "models" DROP COLUMN "health_check_interval_minutes"`,
    );
    await queryRunner.query(
      `ALTER TABLE "models" DROP COLUMN "last_test_message"`,
    );
    await queryRunner.query(
      `ALTER TABLE "models" DROP COLUMN "last_test_latency_ms"`,
    );
    await queryRunner.query(`ALTER TABLE "models" DROP COLUMN "last_test_at"`);
    await queryRunner.query(
      `ALTER TABLE "models" DROP COLUMN "last_test_category"`,
    );
    await queryRunner.query(
      `ALTER TABLE "models" DROP COLUMN "last_test_status"`,
    );
    await queryRunner.query(`ALTER TABLE "models" DROP COLUMN "last_test_id"`);
    await queryRunner.query(
      `ALTER TABLE "provider_connections" DROP COLUMN "last_test_category"`,
    );
    await queryRunner.query(
      `ALTER TABLE "provider_connections" DROP COLUMN "last_test_id"`,
    );
    await queryRunner.query(
      `DROP INDEX "public"."IDX_connection_tests_model_created"`,
    );
    await queryRunner.query(
      `DROP INDEX "public"."IDX_connection_tests_connection_created"`,
    );
    await queryRunner.query(
      `DROP INDEX "public"."IDX_connection_tests_connection_started"`,
    );
    await queryRunner.query(`DROP TABLE "connection_tests"`);
  }
}
