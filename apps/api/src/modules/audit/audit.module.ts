import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditContextInterceptor } from './audit-context.interceptor';
import { AuditController } from './audit.controller';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

/** A leaf: feature modules import it to record their changes. */
@Module({
  controllers: [AuditController],
  providers: [
    { provide: APP_INTERCEPTOR, useClass: AuditContextInterceptor },
    AuditRepository,
    AuditService,
  ],
  exports: [AuditService],
})
export class AuditModule {}
