// The import graph between feature folders, read from disk. The rule asks it whether a folder reaches
// another; a file is parsed again only when its mtime changes, so an editor session stays current.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const SOURCE = /\.(?:[cm]?ts|tsx|[cm]?js)$/;

/** @typedef {{ feature: string, file: string }} Edge one import of another feature, by the file it reaches */
/** @typedef {{ from: string, to: string }} Step an importing file and the file it reaches, both root-relative */
/** @typedef {Map<string, Map<string, Step>>} Graph feature → feature it imports → the first such import */

/** @type {Map<string, { mtimeMs: number, edges: Edge[] }>} */
const parsed = new Map();

// ESLint asks once per linted file; walking the folder each time would cost more than the lint itself.
const FRESH_MS = 1000;
/** @type {Map<string, { graph: Graph, builtAt: number }>} */
const graphs = new Map();

/**
 * The feature a path belongs to: its first folder under the root, or undefined outside the root.
 * @param {string} root absolute folder holding one folder per feature
 * @param {string} path absolute path
 */
export function featureOf(root, path) {
  const inside = relative(root, path);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    return undefined;
  }
  return inside.split(sep)[0];
}

/**
 * Where a relative specifier written in `file` leads, if it is another feature.
 * @param {string} root
 * @param {string} file absolute path of the importing file
 * @param {string} specifier as written in the import
 * @returns {Edge | undefined}
 */
export function featureImport(root, file, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const target = resolve(dirname(file), specifier);
  const feature = featureOf(root, target);
  if (feature === undefined || feature === featureOf(root, file)) {
    return undefined;
  }
  return { feature, file: relative(root, target) };
}

/**
 * Every module specifier in a file: imports, `export … from`, `import()`, `require()` and `import('…')`
 * types. A full parse: TypeScript's quick `preProcessFile` loses its place after a regex holding a quote.
 * @param {string} file
 * @returns {string[]}
 */
function specifiers(file) {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
  );
  /** @type {string[]} */
  const found = [];
  /** @param {ts.Node | undefined} node */
  const add = (node) => {
    if (node && ts.isStringLiteralLike(node)) found.push(node.text);
  };
  /** @param {ts.Node} node */
  const visit = (node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
      add(node.moduleSpecifier);
    } else if (ts.isExternalModuleReference(node)) {
      add(node.expression);
    } else if (ts.isImportTypeNode(node)) {
      const { argument } = node;
      if (ts.isLiteralTypeNode(argument)) add(argument.literal);
    } else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) &&
          node.expression.text === 'require'))
    ) {
      add(node.arguments[0]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * @param {string} root
 * @param {string} file
 * @param {number} mtimeMs
 */
function edgesOf(root, file, mtimeMs) {
  const cached = parsed.get(file);
  if (cached?.mtimeMs === mtimeMs) return cached.edges;
  const edges = specifiers(file).flatMap((specifier) => {
    const edge = featureImport(root, file, specifier);
    return edge ? [edge] : [];
  });
  parsed.set(file, { mtimeMs, edges });
  return edges;
}

/**
 * The import graph between the features under `root`.
 * @param {string} root
 * @returns {Graph}
 */
export function featureGraph(root) {
  const cached = graphs.get(root);
  if (cached && performance.now() - cached.builtAt < FRESH_MS) {
    return cached.graph;
  }
  /** @type {Graph} */
  const graph = new Map();
  const entries = readdirSync(root, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile() || !SOURCE.test(entry.name)) continue;
    const file = join(entry.parentPath, entry.name);
    const from = featureOf(root, file);
    if (from === undefined) continue;
    const targets = graph.get(from) ?? new Map();
    graph.set(from, targets);
    for (const edge of edgesOf(root, file, statSync(file).mtimeMs)) {
      if (!targets.has(edge.feature)) {
        targets.set(edge.feature, {
          from: relative(root, file),
          to: edge.file,
        });
      }
    }
  }
  graphs.set(root, { graph, builtAt: performance.now() });
  return graph;
}

/**
 * The shortest chain of imports leading from feature `start` to feature `goal`, or undefined.
 * @param {Graph} graph
 * @param {string} start
 * @param {string} goal
 * @param {(from: string, to: string) => boolean} skip edges to leave out
 * @returns {Step[] | undefined}
 */
export function importChain(graph, start, goal, skip) {
  /** @type {Map<string, Step[]>} */
  const reached = new Map([[start, []]]);
  const queue = [start];
  // Breadth first: the queue grows while it is walked, and the first chain found is the shortest.
  for (const feature of queue) {
    const chain = reached.get(feature) ?? [];
    for (const [next, step] of graph.get(feature) ?? []) {
      if (reached.has(next) || skip(feature, next)) continue;
      if (next === goal) return [...chain, step];
      reached.set(next, [...chain, step]);
      queue.push(next);
    }
  }
  return undefined;
}
