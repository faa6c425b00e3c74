import { CreateDateColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** Timestamps and the optimistic-locking version shared by editable entities. */
export abstract class VersionedEntity {
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}
