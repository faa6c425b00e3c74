import { Injectable } from '@nestjs/common';
import {
  GLOBAL_SCOPE,
  type ModelReplacement,
  type ModelType,
} from '@llm-registry/contracts';
import { VersionConflictProblem } from '../../common/problem/problem.exception';
import { defaultSlotKey } from './default-slot';
import { type ModelEntity } from './model.entity';
import { ModelsRepository } from './models.repository';
import { RegistryException } from './registry.exception';

/**
 * The registry's lock protocol, in one place: a (type, scope) default slot first, then model rows.
 * Everyone changing which model serves a slot, or taking a model out of service, goes through here,
 * so the order is the same everywhere and two changes cannot deadlock or interleave.
 */
@Injectable()
export class ModelLocks {
  constructor(private readonly models: ModelsRepository) {}

  /**
   * Locks the model's row (checking the version) for a change that may take it out of service. The
   * default slot of its type and scope is locked first, in the order setDefault and knowledge-base
   * declarations take them: while a declaration relies on the slot's default, that default cannot
   * leave, and a leaving default sees every declaration committed before it.
   */
  async lockForChange(
    id: string,
    request: { version?: number } & ModelReplacement,
  ): Promise<ModelEntity> {
    // Type and scope are fixed at creation, so reading them unlocked is safe.
    const model = await this.models.findById(id);
    if (!model) throw RegistryException.notFound(id);
    await this.models.lockDefaultSlot(model.type, model.scope);
    return this.lockCurrent(id, request.version);
  }

  /** Locks the row and checks the caller's version, if one was sent. */
  async lockCurrent(
    id: string,
    version: number | undefined,
  ): Promise<ModelEntity> {
    const current = await this.models.findByIdForUpdate(id);
    if (!current) throw RegistryException.notFound(id);
    if (version !== undefined && version !== current.version) {
      throw new VersionConflictProblem('model', current.version, version);
    }
    return current;
  }

  /** Takes the slot and clears its current holder (other than `exceptId`), for a new default. */
  async takeDefaultSlot(
    type: ModelType,
    scope: string,
    exceptId: string | null,
  ): Promise<void> {
    await this.models.lockDefaultSlot(type, scope);
    await this.models.clearDefault(type, scope, exceptId);
  }

  /**
   * Holds the default slots of these types in the scope and globally until the transaction ends, for
   * those relying on the slots' defaults (knowledge bases being declared): the defaults cannot change
   * hands or leave meanwhile. Take them before any row lock, as model changes do (slot, then rows).
   */
  async shareDefaultSlots(types: ModelType[], scope: string): Promise<void> {
    const slots = types.flatMap((type) =>
      [...new Set([scope, GLOBAL_SCOPE])].map((s) => ({ type, scope: s })),
    );
    // One order for everyone, so two holders cannot deadlock.
    slots.sort((a, b) =>
      defaultSlotKey(a.type, a.scope).localeCompare(
        defaultSlotKey(b.type, b.scope),
      ),
    );
    for (const slot of slots)
      await this.models.shareDefaultSlot(slot.type, slot.scope);
  }

  /**
   * Reads the models and holds a share lock on them until the transaction ends: none can be deleted,
   * deactivated or changed meanwhile (a binding to it is being written). In id order, so two holders
   * naming the same models cannot deadlock.
   */
  shareRows(ids: string[]): Promise<ModelEntity[]> {
    return this.models.findByIdsForShare(ids);
  }

  /** Takes a default slot exclusively until the transaction ends. */
  lockDefaultSlot(type: ModelType, scope: string): Promise<void> {
    return this.models.lockDefaultSlot(type, scope);
  }
}
