import { Injectable, Logger } from '@nestjs/common';
import {
  InjectTransactions,
  type Transactions,
} from '../../database/transactions';
import { AppConfigService } from '../../config/app-config.service';
import { AdvisoryLocks } from '../../database/advisory-lock';
import { hashPassword } from './password-hasher';
import { assertStrongPassword } from './password-policy';
import { generatePassword } from './tokens';
import { UsersRepository } from './users.repository';
import { AuditService } from '../audit/audit.service';
import { userCreated } from './user-audit';

export interface GeneratedCredentials {
  email: string;
  password: string;
}

/** Creates the first admin when there are no users, so a fresh install can be signed into. */
@Injectable()
export class BootstrapService {
  private readonly logger = new Logger('Auth');
  private generated: GeneratedCredentials | null = null;

  constructor(
    @InjectTransactions() private readonly txHost: Transactions,
    private readonly users: UsersRepository,
    private readonly config: AppConfigService,
    private readonly audit: AuditService,
    private readonly locks: AdvisoryLocks,
  ) {}

  async ensureAdmin(): Promise<void> {
    const email = this.config.get('adminEmail');
    const configured = this.config.get('adminPassword');
    if (configured) assertStrongPassword(configured, 'ADMIN_PASSWORD', email);
    const password = configured ?? generatePassword();
    const created = await this.txHost.withTransaction(async () => {
      await this.locks.lockUntilCommit('users.bootstrap');
      if ((await this.users.count()) > 0) return false;
      const admin = await this.users.insert({
        email,
        displayName: 'Administrator',
        role: 'admin',
        passwordHash: await hashPassword(password),
        // A generated password has been on a screen: its owner replaces it before using it.
        passwordChangeRequired: !configured,
      });
      await this.audit.record(userCreated(admin));
      return true;
    });
    if (!created) return;
    // The address only: the password goes to the start banner once, never to the log.
    this.logger.log(`Created the first admin, ${email}`);
    if (!configured) this.generated = { email, password };
  }

  /** The generated password, handed out once (to the start banner) and then forgotten. */
  takeGeneratedCredentials(): GeneratedCredentials | null {
    const credentials = this.generated;
    this.generated = null;
    return credentials;
  }
}
