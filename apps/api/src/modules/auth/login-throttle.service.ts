import { Injectable } from '@nestjs/common';
import { AuthErrorCode, AuthException } from './auth.exception';
import {
  LoginThrottleRepository,
  type ThrottlePolicy,
} from './login-throttle.repository';
import { keptEmail } from './typed-email';

const WINDOW_SECONDS = 15 * 60;

/**
 * One account from one address: from the 5th failure on, wait 1 s, doubling with each failure up to
 * 15 min. Only that address waits, so someone else's wrong guesses never lock the right password out.
 */
const PAIR_POLICY: ThrottlePolicy = {
  limit: 5,
  windowSeconds: WINDOW_SECONDS,
  firstBlockSeconds: 1,
  maxBlockSeconds: WINDOW_SECONDS,
};
/** One account from all addresses: a ceiling far above what its users mistype, against guessing from many. */
const ACCOUNT_POLICY: ThrottlePolicy = {
  limit: 100,
  windowSeconds: WINDOW_SECONDS,
  firstBlockSeconds: WINDOW_SECONDS,
  maxBlockSeconds: WINDOW_SECONDS,
};
/** One address across accounts: higher than one user's mistakes, as it may front many users. */
const ADDRESS_POLICY: ThrottlePolicy = {
  limit: 20,
  windowSeconds: WINDOW_SECONDS,
  firstBlockSeconds: WINDOW_SECONDS,
  maxBlockSeconds: WINDOW_SECONDS,
};

// Keys hold the typed email only when it is one: a password typed into the field stays out of the table.
const pairKey = (email: string, ip: string) => `pair:${ip}|${keptEmail(email)}`;
const accountKey = (email: string) => `account:${keptEmail(email)}`;
const addressKey = (ip: string) => `ip:${ip}`;

/**
 * Sign-in throttling by the email typed (whether or not it exists, so answers do not tell) and the
 * client's address, in the database so every replica sees the same counts.
 */
@Injectable()
export class LoginThrottleService {
  constructor(private readonly throttle: LoginThrottleRepository) {}

  async assertAllowed(email: string, ip: string): Promise<void> {
    const seconds = await this.throttle.secondsBlocked([
      pairKey(email, ip),
      accountKey(email),
      addressKey(ip),
    ]);
    if (seconds > 0) {
      throw new AuthException(
        AuthErrorCode.TooManyAttempts,
        `Too many failed sign-ins. Try again in ${waitText(seconds)}.`,
        { headers: { 'retry-after': String(seconds) } },
      );
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await this.throttle.recordFailure(pairKey(email, ip), PAIR_POLICY);
    await this.throttle.recordFailure(accountKey(email), ACCOUNT_POLICY);
    await this.throttle.recordFailure(addressKey(ip), ADDRESS_POLICY);
  }

  /** Forgets this address's failures for the account; the account's ceiling keeps counting the others. */
  async recordSuccess(email: string, ip: string): Promise<void> {
    await this.throttle.clear(pairKey(email, ip));
  }
}

function waitText(seconds: number): string {
  return seconds < 120
    ? `${seconds} second(s)`
    : `${Math.ceil(seconds / 60)} minute(s)`;
}
