// Feature folders depend one way: an import of another feature fails when that feature, directly or
// through others, imports this one back. Shared pieces go to common/; a lower module that must call
// up declares a port instead.
import {
  featureGraph,
  featureImport,
  featureOf,
  importChain,
} from './feature-graph.mjs';

/** @type {import('eslint').Rule.RuleModule} */
export const noFeatureCycles = {
  meta: {
    type: 'problem',
    docs: {
      description:
        'Forbid imports between feature folders that close a cycle (A imports B, B imports A).',
    },
    schema: [
      {
        type: 'object',
        properties: {
          featuresRoot: { type: 'string' },
          allowPairs: {
            type: 'array',
            items: {
              type: 'array',
              items: { type: 'string' },
              minItems: 2,
              maxItems: 2,
            },
          },
        },
        required: ['featuresRoot'],
        additionalProperties: false,
      },
    ],
    messages: {
      cycle:
        "Feature '{{from}}' imports '{{to}}', which leads back to '{{from}}' ({{chain}}). Move what both need to common/, or invert one direction with a port.",
    },
  },
  create(context) {
    /** @type {{ featuresRoot: string, allowPairs?: string[][] }} */
    const { featuresRoot, allowPairs = [] } = context.options[0];
    const file = context.filename;
    const feature = featureOf(featuresRoot, file);
    if (feature === undefined) return {};

    const allowed = new Set(
      allowPairs.map((pair) => [...pair].sort().join('\n')),
    );
    /** @param {string} a @param {string} b */
    const isAllowed = (a, b) => allowed.has([a, b].sort().join('\n'));

    /** @type {(node: import('estree').Node, source: unknown) => void} */
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      const edge = featureImport(featuresRoot, file, source);
      if (edge === undefined || isAllowed(feature, edge.feature)) return;
      const chain = importChain(
        featureGraph(featuresRoot),
        edge.feature,
        feature,
        isAllowed,
      );
      if (chain === undefined) return;
      context.report({
        node,
        messageId: 'cycle',
        data: {
          from: feature,
          to: edge.feature,
          chain: chain.map((step) => `${step.from} → ${step.to}`).join(', '),
        },
      });
    };

    /** @type {(literal: unknown) => unknown} */
    const valueOf = (literal) =>
      /** @type {{ type?: string, value?: unknown }} */ (literal)?.type ===
      'Literal'
        ? /** @type {{ value: unknown }} */ (literal).value
        : undefined;

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => check(node, node.source?.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => check(node, valueOf(node.source)),
      CallExpression: (node) => {
        const { callee } = node;
        if (callee.type === 'Identifier' && callee.name === 'require') {
          check(node, valueOf(node.arguments[0]));
        }
      },
      // TypeScript-only forms: `import x = require('…')` and `import('…').Type`.
      /** @param {any} node */
      TSExternalModuleReference: (node) =>
        check(node, valueOf(node.expression)),
      /** @param {any} node */
      TSImportType: (node) => check(node, valueOf(node.argument?.literal)),
    };
  },
};
