import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { SecretsModule } from '../secrets/secrets.module';
import { ConnectionChangeEvents } from './connection-change-events';
import { ConnectionTargetService } from './connection-target.service';
import { DiscoveryService } from './discovery.service';
import { ProviderConnectionPresenter } from './provider-connection.presenter';
import { ProviderConnectionValidator } from './provider-connection.validator';
import { ProviderEgressService } from './provider-egress.service';
import { ProviderConnectionsRepository } from './provider-connections.repository';
import { ProviderConnectionsSeeder } from './provider-connections.seeder';
import { ProviderConnectionsService } from './provider-connections.service';
import { ProvidersController } from './providers.controller';

@Module({
  imports: [AuditModule, SecretsModule],
  controllers: [ProvidersController],
  providers: [
    ProviderConnectionsRepository,
    ProviderConnectionsService,
    ProviderConnectionValidator,
    ProviderConnectionPresenter,
    ProviderConnectionsSeeder,
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
