import { Column } from 'typeorm';
import {
  type ConnectionTestResult,
  type ConnectionTestStatus,
  type ProbeCategory,
} from '@llm-registry/contracts';
import { VersionedEntity } from './versioned.entity';

/**
 * An editable entity that keeps its latest connection test. Written by the test runner with plain
 * UPDATEs, so a test never bumps the version an admin is editing against.
 */
export abstract class TestedEntity extends VersionedEntity {
  @Column({ name: 'last_test_id', type: 'uuid', nullable: true })
  lastTestId!: string | null;

  @Column({
    name: 'last_test_status',
    type: 'varchar',
    length: 20,
    nullable: true,
  })
  lastTestStatus!: ConnectionTestStatus | null;

  @Column({
    name: 'last_test_category',
    type: 'varchar',
    length: 30,
    nullable: true,
  })
  lastTestCategory!: ProbeCategory | null;

  @Column({ name: 'last_test_at', type: 'timestamptz', nullable: true })
  lastTestAt!: Date | null;

  @Column({ name: 'last_test_latency_ms', type: 'integer', nullable: true })
  lastTestLatencyMs!: number | null;

  @Column({ name: 'last_test_message', type: 'text', nullable: true })
  lastTestMessage!: string | null;
}

/** The latest test as the API shows it; null before the first. */
export function lastTestOf(entity: TestedEntity): ConnectionTestResult | null {
  return entity.lastTestStatus && entity.lastTestAt
    ? {
        testId: entity.lastTestId,
        status: entity.lastTestStatus,
        category: entity.lastTestCategory,
        testedAt: entity.lastTestAt.toISOString(),
        latencyMs: entity.lastTestLatencyMs,
        message: entity.lastTestMessage,
      }
    : null;
}
