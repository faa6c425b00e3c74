import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { KeyringModule } from '../keyring/keyring.module';
import { AnchorOnCommit } from './anchor-on-commit';
import { AuditChainKeys } from './audit-chain-keys';
import { AuditChainKeysRepository } from './audit-chain-keys.repository';
import { AuditContextInterceptor } from './audit-context.interceptor';
import { AuditController } from './audit.controller';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';
import { ChainAnchor } from './chain-anchor';

/** A leaf: feature modules import it to record their changes. */
@Module({
  imports: [KeyringModule],
  controllers: [AuditController],
  providers: [
    { provide: APP_INTERCEPTOR, useClass: AuditContextInterceptor },
    AuditRepository,
    AuditChainKeysRepository,
    AuditChainKeys,
    ChainAnchor,
    AnchorOnCommit,
    AuditService,
  ],
  exports: [AuditService],
})
export class AuditModule implements OnApplicationBootstrap {
  constructor(private readonly audit: AuditService) {}

  /** Before the first request: the chain keys are kept and a pre-MAC chain is sealed. */
  async onApplicationBootstrap(): Promise<void> {
    await this.audit.keepChainKeys();
    await this.audit.sealLegacyChain();
  }
}
