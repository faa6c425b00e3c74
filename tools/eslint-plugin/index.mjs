// The workspace's own ESLint rules, as a flat-config plugin: `plugins: { local: localRules }`.
import { noFeatureCycles } from './no-feature-cycles.mjs';

export const localRules = {
  meta: { name: 'local' },
  rules: { 'no-feature-cycles': noFeatureCycles },
};
