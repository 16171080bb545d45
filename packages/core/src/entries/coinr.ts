// @pingan/core/coinr: COINr's iData/iMeta tables and steps → framework, data and build options.
export * from '../coinr/index.ts';
