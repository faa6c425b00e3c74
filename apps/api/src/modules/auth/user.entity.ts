import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { VersionedEntity } from '../../database/versioned.entity';
import { type UserRole } from '@llm-registry/contracts';

@Entity('users')
@Check('CHK_users_role', `"role" IN ('admin', 'viewer')`)
@Check('CHK_users_email_lowercase', `"email" = lower("email")`)
@Index('UQ_users_email', ['email'], { unique: true })
export class UserEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lower-cased, so uniqueness and login ignore case. */
  @Column({ type: 'varchar', length: 320 })
  email!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 200 })
  displayName!: string;

  @Column({ type: 'varchar', length: 20 })
  role!: UserRole;

  /** scrypt, self-describing (`scrypt$N$r$p$salt$hash`); never leaves the auth module. */
  @Column({
    name: 'password_hash',
    type: 'varchar',
    length: 300,
    select: false,
  })
  passwordHash!: string;

  @Column({ type: 'boolean', default: false })
  disabled!: boolean;

  /** Signed in with a password someone else knows (generated at bootstrap, set by an admin): change it first. */
  @Column({
    name: 'password_change_required',
    type: 'boolean',
    default: false,
  })
  passwordChangeRequired!: boolean;

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt!: Date | null;
}
