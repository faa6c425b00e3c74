import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';

/** Liveness and readiness; the probes come from the modules that own what they check. */
@Module({ controllers: [HealthController], providers: [HealthService] })
export class HealthModule {}
