export * from './schema.ts';
export * from './publication.ts';
