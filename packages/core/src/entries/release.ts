// @pingan/core/release: the published release files (release.json, manifest.json,
// revisions.json, inputs.csv, chain.json), their schemas and their verification.
// Kept out of the root entry: its schemas use classic zod, which is large.
export * from '../release/index.ts';
