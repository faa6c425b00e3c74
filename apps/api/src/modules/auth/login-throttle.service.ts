import { Injectable } from '@nestjs/common';
import { AuthErrorCode, AuthException } from './auth.exception';
import {
  LoginThrottleRepository,
  type ThrottlePolicy,
} from './login-throttle.repository';

/** An account is blocked after a few failures; an address after many (it may front many users). */
const ACCOUNT_POLICY: ThrottlePolicy = {
  limit: 5,
  windowSeconds: 15 * 60,
  blockSeconds: 15 * 60,
};
const IP_POLICY: ThrottlePolicy = {
  limit: 20,
  windowSeconds: 15 * 60,
  blockSeconds: 15 * 60,
};

const accountKey = (email: string) => `account:${email}`;
const ipKey = (ip: string) => `ip:${ip}`;

/** Login throttling per account and per IP, in the database so every replica sees the same counts. */
@Injectable()
export class LoginThrottleService {
  constructor(private readonly throttle: LoginThrottleRepository) {}

  async assertAllowed(email: string, ip: string): Promise<void> {
    const seconds = await this.throttle.secondsBlocked([
      accountKey(email),
      ipKey(ip),
    ]);
    if (seconds > 0) {
      throw new AuthException(
        AuthErrorCode.TooManyAttempts,
        `Too many failed sign-ins. Try again in ${Math.ceil(seconds / 60)} minute(s).`,
        { headers: { 'retry-after': String(seconds) } },
      );
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await this.throttle.recordFailure(accountKey(email), ACCOUNT_POLICY);
    await this.throttle.recordFailure(ipKey(ip), IP_POLICY);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.throttle.clear(accountKey(email));
  }
}
