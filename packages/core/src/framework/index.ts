export * from './methods.ts';
export * from './schema.ts';
export * from './tuning.ts';
export * from './frameworkError.ts';
export * from './defineFramework.ts';
export * from './bands.ts';
export * from './noiseSpec.ts';
export * from './weightWarnings.ts';
