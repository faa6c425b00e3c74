import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class AddPasswordChangeRequired1795340112000
  implements MigrationInterface
{
  name = 'AddPasswordChangeRequired1795340112000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "users" ADD "password_change_required" boolean NOT NULL DEFAULT false`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "users" DROP COLUMN "password_change_required"`,
    );
  }
}
