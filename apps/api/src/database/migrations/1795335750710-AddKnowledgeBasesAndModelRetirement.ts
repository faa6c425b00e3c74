import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class AddKnowledgeBasesAndModelRetirement1795335750710
  implements MigrationInterface
{
  name = 'AddKnowledgeBasesAndModelRetirement1795335750710';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "knowledge_bases" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "id" character varying(100) NOT NULL, "name" character varying(200) NOT NULL, "scope" character varying(63) NOT NULL DEFAULT 'global', "embedding_model_id" uuid NOT NULL, "generation_model_id" uuid, "rerank_model_id" uuid, CONSTRAINT "PK_b7da0ee578e15ebb6213465440d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_knowledge_bases_updated_at" ON "knowledge_bases"  ("updated_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_knowledge_bases_rerank_model" ON "knowledge_bases"  ("rerank_model_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_knowledge_bases_generation_model" ON "knowledge_bases"  ("generation_model_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_knowledge_bases_embedding_model" ON "knowledge_bases"  ("embedding_model_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_knowledge_bases_scope_name" ON "knowledge_bases"  ("scope", "name")`,
    );
    await queryRunner.query(
      `ALTER TABLE "models" ADD "sunset_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(`ALTER TABLE "models" ADD "successor_id" uuid`);
    await queryRunner.query(
      `CREATE INDEX "IDX_models_successor" ON "models"  ("successor_id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "models" ADD CONSTRAINT "CHK_models_successor_not_self" CHECK ("successor_id" <> "id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "models" ADD CONSTRAINT "CHK_models_deprecation_only_when_deprecated" CHECK ("status" = 'deprecated' OR ("sunset_at" IS NULL AND "successor_id" IS NULL))`,
    );
    await queryRunner.query(
      `ALTER TABLE "models" ADD CONSTRAINT "FK_models_successor" FOREIGN KEY ("successor_id") REFERENCES "models"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "knowledge_bases" ADD CONSTRAINT "FK_knowledge_bases_embedding_model" FOREIGN KEY ("embedding_model_id") REFERENCES "models"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "knowledge_bases" ADD CONSTRAINT "FK_knowledge_bases_generation_model" FOREIGN KEY ("generation_model_id") REFERENCES "models"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "knowledge_bases" ADD CONSTRAINT "FK_knowledge_bases_rerank_model" FOREIGN KEY ("rerank_model_id") REFERENCES "models"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "knowledge_bases" DROP CONSTRAINT "FK_knowledge_bases_rerank_model"`,
    );
    await queryRunner.query(
      `ALTER TABLE "knowledge_bases" DROP CONSTRAINT "FK_knowledge_bases_generation_model"`,
    );
    await queryRunner.query(
      `ALTER TABLE "knowledge_bases" DROP CONSTRAINT "FK_knowledge_bases_embedding_model"`,
    );
    await queryRunner.query(
      `ALTER TABLE "models" DROP CONSTRAINT "FK_models_successor"`,
    );
    await queryRunner.query(
      `ALTER TABLE "models" DROP CONSTRAINT "CHK_models_deprecation_only_when_deprecated"`,
    );
    await queryRunner.query(
      `ALTER TABLE "models" DROP CONSTRAINT "CHK_models_successor_not_self"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_models_successor"`);
    await queryRunner.query(`ALTER TABLE "models" DROP COLUMN "successor_id"`);
    await queryRunner.query(`ALTER TABLE "models" DROP COLUMN "sunset_at"`);
    await queryRunner.query(
      `DROP INDEX "public"."IDX_knowledge_bases_scope_name"`,
    );
    await queryRunner.query(
      `DROP INDEX "public"."IDX_knowledge_bases_embedding_model"`,
    );
    await queryRunner.query(
      `DROP INDEX "public"."IDX_knowledge_bases_generation_model"`,
    );
    await queryRunner.query(
      `DROP INDEX "public"."IDX_knowledge_bases_rerank_model"`,
    );
    await queryRunner.query(
      `DROP INDEX "public"."IDX_knowledge_bases_updated_at"`,
    );
    await queryRunner.query(`DROP TABLE "knowledge_bases"`);
  }
}
