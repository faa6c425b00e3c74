import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Failed logins per key (`ip:<address>` or `account:<email>`) in the current window. */
@Entity('login_throttle')
export class LoginThrottleEntity {
  @PrimaryColumn({ type: 'varchar', length: 400 })
  key!: string;

  @Column({ name: 'window_started_at', type: 'timestamptz' })
  windowStartedAt!: Date;

  @Column({ type: 'integer', default: 0 })
  failures!: number;

  @Column({ name: 'blocked_until', type: 'timestamptz', nullable: true })
  blockedUntil!: Date | null;
}
