import { randomUUID } from 'node:crypto';
import {
  InjectTransactions,
  type Transactions,
} from '../../database/transactions';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppStateRepository } from '../../database/app-state.repository';
import { redactor } from '../../common/redaction/redactor';
import {
  KeyUnavailableError,
  open,
  rewrap,
  seal,
  type Sealed,
} from '../keyring/envelope';
import { generateMasterKey, keyring, masterKey } from '../keyring/keyring';
import {
  KEYRING_SOURCE,
  type KeyringSource,
  writeKeyringFile,
} from '../keyring/keyring-source';
import { maskValues } from './mask';
import { SecretsRepository } from './secrets.repository';
import { AuditService } from '../audit/audit.service';

/** A known value encrypted under the primary key: decrypting it at boot proves the configured key is right. */
const KEY_CHECK = 'secrets.key_check';
const KEY_CHECK_PLAINTEXT = 'llm-registry master key check';
const ROTATION_BATCH = 100;

export type SecretValues = Record<string, string>;

export interface RotationResult {
  primaryKeyId: string;
  rewrapped: number;
  generatedNewKey: boolean;
}

export class MasterKeyMismatchError extends Error {}

/**
 * Secrets at rest: encrypted here, decrypted only for the code that calls a provider. Values never leave
 * this service except to that caller; everyone else gets masked hints.
 */
@Injectable()
export class SecretsService {
  private readonly logger = new Logger('Secrets');

  constructor(
    @InjectTransactions() private readonly txHost: Transactions,
    private readonly secrets: SecretsRepository,
    private readonly appState: AppStateRepository,
    @Inject(KEYRING_SOURCE) private readonly source: KeyringSource,
    private readonly audit: AuditService,
  ) {}

  /** Stores the values encrypted; returns the secret's id and the masked hint of each field. */
  async create(
    values: SecretValues,
  ): Promise<{ id: string; hints: Record<string, string> }> {
    return this.write(randomUUID(), values);
  }

  /** Replaces the values of a secret, under a fresh data key. */
  async replace(
    id: string,
    values: SecretValues,
  ): Promise<{ id: string; hints: Record<string, string> }> {
    return this.write(id, values);
  }

  async delete(id: string): Promise<void> {
    await this.secrets.delete(id);
  }

  /** For the code that calls a provider, and only that code. */
  async reveal(id: string): Promise<SecretValues> {
    const row = await this.secrets.findById(id);
    if (!row) throw new Error(`Secret ${id} does not exist.`);
    const values = JSON.parse(open(row, id, this.source.keys)) as SecretValues;
    Object.values(values).forEach((value) => redactor.remember(value));
    return values;
  }

  /** Masked hints of many secrets in one query, by secret id. */
  hintsOf(
    ids: readonly string[],
  ): Promise<Map<string, Record<string, string>>> {
    return this.secrets.findHints(ids);
  }

  /**
   * Re-wraps every data key under the primary master key, in small locked batches, while reads go on:
   * the old key stays in the keyring until nothing uses it. A file-managed keyring can first get a new key.
   */
  async rotate(
    options: { generateNewKey?: boolean } = {},
  ): Promise<RotationResult> {
    const generatedNewKey =
      !!options.generateNewKey && (await this.addPrimaryKeyToFile());
    // While the old master keys are still here: the audit chain's keys must outlive them.
    await this.audit.keepChainKeys();
    const primary = this.source.keys.primary;
    const keysBefore = await this.secrets.keyIdsInUse();
    let rewrapped = 0;
    for (;;) {
      const done = await this.txHost.withTransaction(async () => {
        const batch = await this.secrets.findBatchNotUnderKey(
          primary.id,
          ROTATION_BATCH,
        );
        for (const row of batch) {
          const next = rewrap(row, row.id, this.source.keys);
          await this.secrets.rewrap(row.id, next.keyId, next.wrappedKey);
        }
        return batch.length;
      });
      rewrapped += done;
      if (done === 0) break;
    }
    if ((await this.secrets.countNotUnderKey(primary.id)) === 0) {
      await this.writeKeyCheck();
      await this.retireOldFileKeys();
    }
    this.logger.log(
      `Re-wrapped ${rewrapped} secrets under master key ${primary.id}`,
    );
    // Rotation commits in batches and can be resumed; its event marks that it completed.
    await this.txHost.withTransaction(() =>
      this.audit.record({
        action: 'secret.rotated',
        entityType: 'secret',
        entityId: null,
        changes: {
          masterKeyIds: { before: keysBefore, after: [primary.id] },
          rewrapped: { before: null, after: rewrapped },
        },
      }),
    );
    return { primaryKeyId: primary.id, rewrapped, generatedNewKey };
  }

  /** At boot: the configured keys must open what this database holds, or the process refuses to start. */
  async verifyKeyring(): Promise<void> {
    const stored = (await this.appState.get(KEY_CHECK)) as unknown as
      | (Sealed & { context: string })
      | null;
    if (!stored) {
      await this.writeKeyCheck();
      return;
    }
    try {
      if (
        open(stored, stored.context, this.source.keys) !== KEY_CHECK_PLAINTEXT
      )
        throw new Error('mismatch');
    } catch (error) {
      const reason =
        error instanceof KeyUnavailableError
          ? `its secrets were encrypted with master key ${stored.keyId}, which is not configured`
          : 'the configured master key cannot decrypt its secrets';
      throw new MasterKeyMismatchError(
        `Wrong master key for this database: ${reason}. Set REGISTRY_MASTER_KEY to the key it was created with (and REGISTRY_MASTER_KEY_PREVIOUS to older ones during a rotation).`,
      );
    }
    const missing = (await this.secrets.keyIdsInUse()).filter(
      (id) => !this.source.keys.all.has(id),
    );
    if (missing.length > 0) {
      throw new MasterKeyMismatchError(
        `Secrets are encrypted with master key(s) ${missing.join(', ')}, which are not configured: add them to REGISTRY_MASTER_KEY_PREVIOUS until rotation completes.`,
      );
    }
  }

  async status(): Promise<{
    primaryKeyId: string;
    managedBy: 'environment' | 'file';
    pendingRewrap: number;
  }> {
    const primaryKeyId = this.source.keys.primary.id;
    return {
      primaryKeyId,
      managedBy: this.source.file ? 'file' : 'environment',
      pendingRewrap: await this.secrets.countNotUnderKey(primaryKeyId),
    };
  }

  /** For the start banner: the keyring file this start generated, if any. */
  generatedKeyringFile(): string | null {
    return this.source.generated && this.source.file ? this.source.file : null;
  }

  private async write(
    id: string,
    values: SecretValues,
  ): Promise<{ id: string; hints: Record<string, string> }> {
    Object.values(values).forEach((value) => redactor.remember(value));
    const hints = maskValues(values);
    await this.secrets.save({
      id,
      ...seal(JSON.stringify(values), id, this.source.keys),
      hints,
    });
    return { id, hints };
  }

  private async writeKeyCheck(): Promise<void> {
    const context = 'key-check';
    const sealed = seal(KEY_CHECK_PLAINTEXT, context, this.source.keys);
    await this.appState.set(KEY_CHECK, { ...sealed, context });
  }

  private async addPrimaryKeyToFile(): Promise<boolean> {
    if (!this.source.file) return false;
    const fresh = masterKey(generateMasterKey());
    const others = [...this.source.keys.all.values()];
    this.source.keys = keyring(fresh, others);
    await this.saveFile();
    return true;
  }

  private async retireOldFileKeys(): Promise<void> {
    if (!this.source.file || this.source.keys.all.size === 1) return;
    this.source.keys = keyring(this.source.keys.primary);
    await this.saveFile();
  }

  private async saveFile(): Promise<void> {
    const encode = (key: Buffer) => key.toString('base64');
    await writeKeyringFile(this.source.file as string, {
      primary: encode(this.source.keys.primary.key),
      keys: [...this.source.keys.all.values()].map((k) => encode(k.key)),
    });
  }
}
