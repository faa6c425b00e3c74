import { type MigrationInterface, type QueryRunner } from 'typeorm';

const CATEGORIES = `'auth', 'not_found', 'rate_limited', 'quota', 'timeout', 'network', 'bad_response', 'dimension_mismatch', 'unsupported'`;

export class AddEgressDeniedCategory1795340000000
  implements MigrationInterface
{
  name = 'AddEgressDeniedCategory1795340000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "connection_tests" DROP CONSTRAINT "CHK_connection_tests_category"`,
    );
    await queryRunner.query(
      `ALTER TABLE "connection_tests" ADD CONSTRAINT "CHK_connection_tests_category" CHECK ("category" IS NULL OR "category" IN (${CATEGORIES}, 'egress_denied'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "connection_tests" SET "category" = 'network' WHERE "category" = 'egress_denied'`,
    );
    await queryRunner.query(
      `ALTER TABLE "connection_tests" DROP CONSTRAINT "CHK_connection_tests_category"`,
    );
    await queryRunner.query(
      `ALTER TABLE "connection_tests" ADD CONSTRAINT "CHK_connection_tests_category" CHECK ("category" IS NULL OR "category" IN (${CATEGORIES}))`,
    );
  }
}
