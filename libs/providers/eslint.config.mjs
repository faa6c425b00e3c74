import baseConfig from '../../eslint.config.mjs';

const BOUNDARIES = '@nx/enforce-module-boundaries';

/**
 * The specs run the adapters against the provider doubles (type:testing); the shipped code still may
 * not import them. Derived from the root rule so the two cannot drift apart.
 */
function allowTestingLibsInSpecs(config) {
  const [level, options] = config.find((entry) => entry.rules?.[BOUNDARIES])
    .rules[BOUNDARIES];
  return {
    files: ['**/*.spec.ts'],
    rules: {
      [BOUNDARIES]: [
        level,
        {
          ...options,
          depConstraints: options.depConstraints.map((constraint) =>
            constraint.sourceTag === 'type:providers'
              ? {
                  ...constraint,
                  onlyDependOnLibsWithTags: [
                    ...constraint.onlyDependOnLibsWithTags,
                    'type:testing',
                  ],
                }
              : constraint,
          ),
        },
      ],
    },
  };
}

export default [...baseConfig, allowTestingLibsInSpecs(baseConfig)];
