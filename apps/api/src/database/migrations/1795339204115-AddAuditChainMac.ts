import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The audit chain moves from SHA-256 to an HMAC under keys outside the database: each event names the
 * key that MACed it (null for the events before, a legacy prefix the first MACed event seals), and
 * the MAC keys of retired master keys are kept sealed under the current one.
 */
export class AddAuditChainMac1795339204115 implements MigrationInterface {
  name = 'AddAuditChainMac1795339204115';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_chain_keys" ("key_id" character varying(16) NOT NULL, "wrapping_key_id" character varying(16) NOT NULL, "wrapped_key" text NOT NULL, "ciphertext" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_audit_chain_keys" PRIMARY KEY ("key_id"))`,
    );
    // Adding a nullable column rewrites no row, so the append-only trigger is not involved.
    await queryRunner.query(
      `ALTER TABLE "audit_events" ADD "mac_key_id" character varying(16)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "audit_events" DROP COLUMN "mac_key_id"`,
    );
    await queryRunner.query(`DROP TABLE "audit_chain_keys"`);
  }
}
