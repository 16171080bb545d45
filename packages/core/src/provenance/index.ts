export * from './sha256.ts';
export * from './canonicalJson.ts';
export * from './version.ts';
export * from './provenance.ts';
