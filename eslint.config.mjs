import nx from '@nx/eslint-plugin';

/** Who may import whom; apps/api/test/eslint.config.mjs extends it. */
export const moduleBoundaries = {
  enforceBuildableLibDependency: true,
  allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
  depConstraints: [
    // contracts is framework-free and imports nothing of ours
    {
      sourceTag: 'type:contracts',
      onlyDependOnLibsWithTags: [],
      bannedExternalImports: [
        '@nestjs/*',
        '@angular/*',
        'typeorm',
        'pg',
        'rxjs',
        'class-validator',
        'class-transformer',
      ],
    },
    {
      sourceTag: 'type:providers',
      onlyDependOnLibsWithTags: ['type:contracts'],
    },
    {
      sourceTag: 'type:sdk',
      onlyDependOnLibsWithTags: ['type:contracts', 'type:providers'],
    },
    {
      sourceTag: 'type:testing',
      onlyDependOnLibsWithTags: ['type:contracts', 'type:providers'],
    },
    {
      sourceTag: 'scope:admin',
      onlyDependOnLibsWithTags: ['type:contracts', 'scope:admin'],
    },
    // Browser tests drive the built app; they may use the contracts and the provider doubles.
    {
      sourceTag: 'scope:admin-e2e',
      onlyDependOnLibsWithTags: ['type:contracts', 'type:testing'],
    },
    // The api never imports test doubles; its integration tests (api-int) may.
    {
      sourceTag: 'scope:api',
      onlyDependOnLibsWithTags: ['type:contracts', 'type:providers'],
    },
    {
      sourceTag: 'scope:api-test',
      onlyDependOnLibsWithTags: [
        'type:contracts',
        'type:providers',
        'type:testing',
      ],
    },
    {
      sourceTag: 'scope:tools',
      onlyDependOnLibsWithTags: [
        'type:contracts',
        'type:providers',
        'type:testing',
      ],
    },
  ],
};

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc', '**/node_modules', 'data/**'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', moduleBoundaries],
    },
  },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        // Nest reads constructor parameter types at run time: decorated classes need value imports.
        {
          prefer: 'type-imports',
          fixStyle: 'inline-type-imports',
          disallowTypeAnnotations: false,
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
];
