import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuditModule } from '../audit/audit.module';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysRepository } from './api-keys.repository';
import { ApiKeysService } from './api-keys.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { BootstrapService } from './bootstrap.service';
import { LoginThrottleRepository } from './login-throttle.repository';
import { LoginThrottleService } from './login-throttle.service';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [AuditModule],
  controllers: [AuthController, UsersController, ApiKeysController],
  providers: [
    { provide: APP_GUARD, useClass: AuthGuard },
    ApiKeysRepository,
    ApiKeysService,
    BootstrapService,
    LoginThrottleRepository,
    LoginThrottleService,
    SessionsRepository,
    SessionsService,
    UsersRepository,
    UsersService,
  ],
  exports: [BootstrapService],
})
export class AuthModule implements OnApplicationBootstrap {
  constructor(private readonly bootstrap: BootstrapService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.bootstrap.ensureAdmin();
  }
}
