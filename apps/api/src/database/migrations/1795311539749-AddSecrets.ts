import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class AddSecrets1795311539749 implements MigrationInterface {
  name = 'AddSecrets1795311539749';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "secrets" ("id" uuid NOT NULL, "key_id" character varying(32) NOT NULL, "wrapped_key" text NOT NULL, "ciphertext" text NOT NULL, "hints" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d4ff48ddba1883d4dc142b9c697" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_secrets_key_id" ON "secrets"  ("key_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_secrets_key_id"`);
    await queryRunner.query(`DROP TABLE "secrets"`);
  }
}
