import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import {
  HEALTH_CHECK_LIMITS,
  type HealthCheckSettings,
} from '@llm-registry/contracts';

/** Both fields together: an interval without a cap could spend without bound. */
export class HealthCheckSettingsDto implements HealthCheckSettings {
  @ApiProperty({
    minimum: HEALTH_CHECK_LIMITS.minIntervalMinutes,
    maximum: HEALTH_CHECK_LIMITS.maxIntervalMinutes,
    example: 60,
    description: 'Minutes between scheduled probes of the model.',
  })
  @IsInt()
  @Min(HEALTH_CHECK_LIMITS.minIntervalMinutes)
  @Max(HEALTH_CHECK_LIMITS.maxIntervalMinutes)
  intervalMinutes!: number;

  @ApiProperty({
    minimum: 1,
    maximum: HEALTH_CHECK_LIMITS.maxDailyCap,
    example: 24,
    description:
      'Scheduled probes per UTC day at most, whatever the interval: each one is a billed call.',
  })
  @IsInt()
  @Min(1)
  @Max(HEALTH_CHECK_LIMITS.maxDailyCap)
  dailyCap!: number;
}
