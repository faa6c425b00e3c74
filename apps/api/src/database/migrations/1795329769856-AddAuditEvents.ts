import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class AddAuditEvents1795329769856 implements MigrationInterface {
  name = 'AddAuditEvents1795329769856';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_events" ("seq" bigint NOT NULL, "id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_type" character varying(20) NOT NULL, "actor_id" uuid, "actor_label" character varying(320) NOT NULL, "action" character varying(60) NOT NULL, "entity_type" character varying(40) NOT NULL, "entity_id" character varying(100), "changes" jsonb NOT NULL, "context" jsonb NOT NULL, "prev_hash" character(64) NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "CHK_audit_events_actor_type" CHECK ("actor_type" IN ('user', 'api_key', 'system')), CONSTRAINT "PK_6e299f5706e715265416fefe53e" PRIMARY KEY ("seq"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_audit_events_id" ON "audit_events"  ("id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_events_at" ON "audit_events"  ("at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_events_actor" ON "audit_events"  ("actor_id", "seq")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_events_action" ON "audit_events"  ("action", "seq")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_events_entity" ON "audit_events"  ("entity_type", "entity_id", "seq")`,
    );
    // Append-only in the database itself, whatever the application does: rows can be added, never
    // changed or removed. Only a superuser disabling the trigger gets past it, and verify then names the row.
    await queryRunner.query(`CREATE FUNCTION "audit_events_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$`);
    await queryRunner.query(
      `CREATE TRIGGER "audit_events_append_only" BEFORE UPDATE OR DELETE ON "audit_events" FOR EACH ROW EXECUTE FUNCTION "audit_events_refuse_change"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "audit_events_no_truncate" BEFORE TRUNCATE ON "audit_events" FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_refuse_change"()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP TRIGGER "audit_events_no_truncate" ON "audit_events"`,
    );
    await queryRunner.query(
      `DROP TRIGGER "audit_events_append_only" ON "audit_events"`,
    );
    await queryRunner.query(`DROP FUNCTION "audit_events_refuse_change"()`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_events_entity"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_events_action"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_events_actor"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_events_at"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_audit_events_id"`);
    await queryRunner.query(`DROP TABLE "audit_events"`);
  }
}
