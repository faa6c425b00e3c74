import { type TagObject } from '@nestjs/swagger';

/**
 * The groups of the API reference, in the order the docs show them. Every controller's `@ApiTags` names
 * one of these: the OpenAPI lint (`nx run api:openapi-lint`) fails on a tag missing here.
 */
export const API_TAGS: readonly TagObject[] = [
  {
    name: 'Authentication',
    description: 'Sign in and out, who am I, change my password.',
  },
  {
    name: 'Models',
    description:
      'What a service asks: the models of a type that serve, and the default one, for its scope.',
  },
  {
    name: 'Catalogue',
    description:
      'Per provider: the model types it serves, its connection fields and the params of each type.',
  },
  {
    name: 'Knowledge bases',
    description:
      'Services declare the models their knowledge bases use, so those models cannot be retired under them.',
  },
  {
    name: 'Models (admin)',
    description:
      'Register, update, activate, deprecate and delete models; defaults per type and scope.',
  },
  {
    name: 'Provider connections (admin)',
    description:
      'Endpoints and credentials of providers (secrets are write-only), and the models they offer.',
  },
  {
    name: 'Connection tests (admin)',
    description:
      'Check a model or a connection against its provider, saved or not yet saved.',
  },
  {
    name: 'Knowledge bases (admin)',
    description: 'Knowledge bases and the models they rely on.',
  },
  {
    name: 'LiteLLM mirror (admin)',
    description: 'The LiteLLM proxy kept in step with the registry.',
  },
  {
    name: 'Users (admin)',
    description: 'People who sign in to the admin app, and their roles.',
  },
  {
    name: 'API keys (admin)',
    description: 'Keys services send as bearer tokens, optionally per scope.',
  },
  {
    name: 'Secrets (admin)',
    description: 'The master key that encrypts stored credentials.',
  },
  {
    name: 'Audit (admin)',
    description: 'Who changed what, with a tamper-evident MAC chain.',
  },
  {
    name: 'Health',
    description: 'Liveness and readiness probes for orchestrators.',
  },
];
