import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { VersionedEntity } from '../../database/versioned.entity';
import { ModelEntity } from '../registry/model.entity';

/**
 * A knowledge base and the models it was built with. The foreign keys RESTRICT deletes: whatever the
 * application does, no binding can point at a deleted model.
 */
@Entity('knowledge_bases')
@Index('IDX_knowledge_bases_scope_name', ['scope', 'name'])
@Index('IDX_knowledge_bases_embedding_model', ['embeddingModelId'])
@Index('IDX_knowledge_bases_generation_model', ['generationModelId'])
@Index('IDX_knowledge_bases_rerank_model', ['rerankModelId'])
@Index('IDX_knowledge_bases_updated_at', ['updatedAt'])
export class KnowledgeBaseEntity extends VersionedEntity {
  /** Chosen by the service that owns the knowledge base. */
  @PrimaryColumn({ type: 'varchar', length: 100 })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 63, default: 'global' })
  scope!: string;

  @ManyToOne(() => ModelEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({
    name: 'embedding_model_id',
    foreignKeyConstraintName: 'FK_knowledge_bases_embedding_model',
  })
  embeddingModel?: ModelEntity;

  @Column({ name: 'embedding_model_id', type: 'uuid' })
  embeddingModelId!: string;

  @ManyToOne(() => ModelEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({
    name: 'generation_model_id',
    foreignKeyConstraintName: 'FK_knowledge_bases_generation_model',
  })
  generationModel?: ModelEntity | null;

  /** Null: the default generation model of its scope (else the global one). */
  @Column({ name: 'generation_model_id', type: 'uuid', nullable: true })
  generationModelId!: string | null;

  @ManyToOne(() => ModelEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({
    name: 'rerank_model_id',
    foreignKeyConstraintName: 'FK_knowledge_bases_rerank_model',
  })
  rerankModel?: ModelEntity | null;

  /** Null: the default rerank model of its scope (else the global one). */
  @Column({ name: 'rerank_model_id', type: 'uuid', nullable: true })
  rerankModelId!: string | null;
}
