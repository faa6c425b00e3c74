import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource } from 'typeorm';
import { AuditChainKeyEntity } from './audit-chain-key.entity';

export type StoredChainKey = Pick<
  AuditChainKeyEntity,
  'keyId' | 'wrappingKeyId' | 'wrappedKey' | 'ciphertext'
>;

/** The sealed chain MAC keys: queries only. */
@Injectable()
export class AuditChainKeysRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findAll(): Promise<StoredChainKey[]> {
    return this.dataSource.getRepository(AuditChainKeyEntity).find();
  }

  /** Another replica may have stored it first: the same key, so theirs is as good. */
  async insert(key: StoredChainKey): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(AuditChainKeyEntity)
      .values(key)
      .orIgnore()
      .execute();
  }

  async rewrap(key: StoredChainKey): Promise<void> {
    await this.dataSource.getRepository(AuditChainKeyEntity).update(
      { keyId: key.keyId },
      {
        wrappingKeyId: key.wrappingKeyId,
        wrappedKey: key.wrappedKey,
        ciphertext: key.ciphertext,
      },
    );
  }
}
