import {
  GLOBAL_SCOPE,
  type KnowledgeBaseRole,
  type ModelStatus,
  type ModelType,
} from '@llm-registry/contracts';

/** How a model stops serving: deleted, deactivated, or deprecated (its bindings stay, to migrate). */
export type Retirement = 'delete' | 'deactivate' | 'deprecate';

/**
 * The words of every guard refusal, in one place: the guard throws them and the OpenAPI examples
 * quote them, so the docs show exactly what a client receives.
 */
export const guardMessages = {
  /** The model cannot stop serving: `reasons` say what to name (bindingsReason, defaultReason). */
  inUse(retirement: Retirement, modelName: string, reasons: string[]): string {
    return `${capitalize(verb(retirement))} ${modelName} would break knowledge bases: ${reasons.join('; ')}.`;
  },

  bindingsReason(count: number, type: ModelType): string {
    return `${plural(count, 'knowledge base')} ${count === 1 ? 'uses' : 'use'} it: name a replacement with reassignTo (same type${type === 'embedding' ? ' and dimensions' : ''}) to move them in the same transaction`;
  },

  defaultReason(type: ModelType, scope: string, count: number): string {
    return `it is the default ${type} model of scope ${scope} and ${plural(count, 'knowledge base')} ${count === 1 ? 'relies' : 'rely'} on that: name the new default with newDefaultId`;
  },

  pinnedField: 'is pinned by knowledge bases',

  pinned(fields: string[], modelName: string, count: number): string {
    return `${fields.join(', ')} of ${modelName} cannot change while ${plural(count, 'knowledge base')} ${count === 1 ? 'is' : 'are'} indexed with it: register a new model and re-index them instead.`;
  },

  reindex(
    targetName: string,
    to: number | undefined,
    from: number | undefined,
  ): string {
    return `${targetName} has ${dimensions(to)}; the knowledge bases were indexed with ${dimensions(from)}. Re-indexing needed: rebuild them with the new model, then delete this one.`;
  },

  reindexField(to: number | undefined, from: number | undefined): string {
    return from === undefined
      ? `has ${dimensions(to)}; the indexed size is unknown: re-indexing needed`
      : `has ${dimensions(to)}, not ${from}: re-indexing needed`;
  },
};

/** Why a knowledge base cannot be bound to the model it names (a field error of the PUT). */
export function bindingProblem(
  model:
    | { name: string; type: ModelType; scope: string; status: ModelStatus }
    | undefined,
  role: KnowledgeBaseRole,
  scope: string,
  alreadyBound: boolean,
): string | null {
  if (!model) return 'names no model';
  if (model.type !== role)
    return `must name a model of type ${role}; ${model.name} is of type ${model.type}`;
  if (model.scope !== GLOBAL_SCOPE && model.scope !== scope)
    return `names ${model.name} of scope ${model.scope}; a knowledge base of scope ${scope} can use its own scope's models and global ones`;
  if (model.status === 'active') return null;
  // A binding it already has may stay on a deprecated model: it is to migrate, not new.
  if (model.status === 'deprecated' && alreadyBound) return null;
  return `must name an active model; ${model.name} is ${model.status}`;
}

function dimensions(count: number | undefined): string {
  return count === undefined ? 'unknown dimensions' : `${count} dimensions`;
}

function verb(retirement: Retirement): string {
  switch (retirement) {
    case 'delete':
      return 'deleting';
    case 'deactivate':
      return 'deactivating';
    case 'deprecate':
      return 'deprecating';
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
