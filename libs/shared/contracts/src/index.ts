export * from './lib/auth';
export * from './lib/domain';
export * from './lib/models';
export * from './lib/problem';
export * from './lib/catalog/catalog.types';
export * from './lib/catalog/param-specs';
export * from './lib/catalog/providers';
export * from './lib/catalog/validate-model';
