import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class AddProxySync1795336181063 implements MigrationInterface {
  name = 'AddProxySync1795336181063';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "proxy_sync_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "trigger" character varying(20) NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'queued', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "reads" integer NOT NULL DEFAULT '0', "writes" integer NOT NULL DEFAULT '0', "missing_found" integer NOT NULL DEFAULT '0', "changed_found" integer NOT NULL DEFAULT '0', "foreign_found" integer NOT NULL DEFAULT '0', "drift_fixed" integer NOT NULL DEFAULT '0', "failed_models" integer NOT NULL DEFAULT '0', "error" text, CONSTRAINT "CHK_proxy_sync_runs_status" CHECK ("status" IN ('queued', 'running', 'succeeded', 'failed')), CONSTRAINT "CHK_proxy_sync_runs_trigger" CHECK ("trigger" IN ('startup', 'scheduled', 'manual')), CONSTRAINT "PK_13ac29d958b1be01d9f151728c8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_proxy_sync_runs_created_at" ON "proxy_sync_runs"  ("created_at")`,
    );
    await queryRunner.query(
      `ALTER TABLE "models" ADD "proxy_sync_state" character varying(20)`,
    );
    await queryRunner.query(`ALTER TABLE "models" ADD "proxy_sync_error" text`);
    await queryRunner.query(
      `ALTER TABLE "models" ADD "proxy_synced_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "models" ADD "proxy_sync_fingerprint" character varying(64)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_models_proxy_sync_state" ON "models"  ("proxy_sync_state")`,
    );
    await queryRunner.query(
      `ALTER TABLE "models" ADD CONSTRAINT "CHK_models_proxy_sync_state" CHECK ("proxy_sync_state" IS NULL OR "proxy_sync_state" IN ('synced', 'pending', 'error', 'off'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "models" DROP CONSTRAINT "CHK_models_proxy_sync_state"`,
    );
    await queryRunner.query(
      `DROP INDEX "public"."IDX_models_proxy_sync_state"`,
    );
    await queryRunner.query(
      `ALTER TABLE "models" DROP COLUMN "proxy_sync_fingerprint"`,
    );
    await queryRunner.query(
      `ALTER TABLE "models" DROP COLUMN "proxy_synced_at"`,
    );
    await queryRunner.query(
      `ALTER TABLE "models" DROP COLUMN "proxy_sync_error"`,
    );
    await queryRunner.query(
      `ALTER TABLE "models" DROP COLUMN "proxy_sync_state"`,
    );
    await queryRunner.query(
      `DROP INDEX "public"."IDX_proxy_sync_runs_created_at"`,
    );
    await queryRunner.query(`DROP TABLE "proxy_sync_runs"`);
  }
}
