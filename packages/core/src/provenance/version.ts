/** The library's version, part of every provenance hash. Kept equal to package.json by a test. */
export const LIBRARY_VERSION = '0.1.0';
export const LIBRARY_NAME = '@pingan/core';
