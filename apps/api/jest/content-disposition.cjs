// Jest runs with --experimental-vm-modules (PGlite needs it) and then cannot require() the ESM-only
// content-disposition package that @fastify/static loads for file downloads. The API never sends
// downloads, so tests get this stand-in; production loads the real package through Node's require(esm).
module.exports = {
  create: (filename) =>
    `attachment; filename="${String(filename).replace(/["\\]/g, '')}"`,
};
