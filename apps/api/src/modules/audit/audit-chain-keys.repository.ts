import { Injectable } from '@nestjs/common';
import {
  InjectTransactions,
  type Transactions,
} from '../../database/transactions';
import { AuditChainKeyEntity } from './audit-chain-key.entity';

export type StoredChainKey = Pick<
  AuditChainKeyEntity,
  'keyId' | 'wrappingKeyId' | 'wrappedKey' | 'ciphertext'
>;

/** The sealed chain MAC keys: queries only. */
@Injectable()
export class AuditChainKeysRepository {
  constructor(@InjectTransactions() private readonly txHost: Transactions) {}

  findAll(): Promise<StoredChainKey[]> {
    return this.txHost.tx.getRepository(AuditChainKeyEntity).find();
  }

  /** Another replica may have stored it first: the same key, so theirs is as good. */
  async insert(key: StoredChainKey): Promise<void> {
    await this.txHost.tx
      .createQueryBuilder()
      .insert()
      .into(AuditChainKeyEntity)
      .values(key)
      .orIgnore()
      .execute();
  }

  async rewrap(key: StoredChainKey): Promise<void> {
    await this.txHost.tx.getRepository(AuditChainKeyEntity).update(
      { keyId: key.keyId },
      {
        wrappingKeyId: key.wrappingKeyId,
        wrappedKey: key.wrappedKey,
        ciphertext: key.ciphertext,
      },
    );
  }
}
