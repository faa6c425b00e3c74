import { type ModelType } from '@llm-registry/contracts';

/**
 * The advisory-lock key of a (type, scope) default slot. Whoever changes which model holds the slot
 * takes it exclusively; knowledge bases that rely on the slot's default take it shared while they
 * are written, so a default cannot leave under a knowledge base being declared.
 */
export function defaultSlotKey(type: ModelType, scope: string): string {
  return `models.default:${type}:${scope}`;
}
