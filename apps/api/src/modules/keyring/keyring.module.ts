import { Module } from '@nestjs/common';
import { AppConfigService } from '../../config/app-config.service';
import { KEYRING_SOURCE, loadKeyring } from './keyring-source';

/**
 * The master keyring, loaded once per process: secrets are encrypted under it and the audit chain's
 * MAC keys derive from it. A module of its own so both can use it without importing each other.
 */
@Module({
  providers: [
    {
      provide: KEYRING_SOURCE,
      inject: [AppConfigService],
      useFactory: (config: AppConfigService) =>
        loadKeyring({
          masterKey: config.get('masterKey'),
          previousMasterKeys: config.get('previousMasterKeys'),
          databaseMode: config.get('databaseMode'),
          dataDir: config.get('dataDir'),
        }),
    },
  ],
  exports: [KEYRING_SOURCE],
})
export class KeyringModule {}
