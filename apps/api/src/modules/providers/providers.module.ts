import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { SecretsModule } from '../secrets/secrets.module';
import { ConnectionChangeEvents } from './connection-change-events';
import { ConnectionTargetService } from './connection-target.service';
import { DiscoveryService } from './discovery.service';
import { ProviderEgressService } from './provider-egress.service';
import { ProviderConnectionsRepository } from './provider-connections.repository';
import { ProviderConnectionsService } from './provider-connections.service';
import { ProvidersController } from './providers.controller';

@Module({
  imports: [AuditModule, SecretsModule],
  controllers: [ProvidersController],
  providers: [
    ProviderConnectionsRepository,
    ProviderConnectionsService,
    ConnectionTargetService,
    DiscoveryService,
    ConnectionChangeEvents,
    ProviderEgressService,
  ],
  exports: [
    ProviderConnectionsService,
    ConnectionTargetService,
    DiscoveryService,
    ConnectionChangeEvents,
    ProviderEgressService,
  ],
})
export class ProvidersModule {}
