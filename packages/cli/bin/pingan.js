#!/usr/bin/env node
// The workspace's old entry point, kept for scripts that run
// `node packages/cli/bin/pingan.js`: the same as bin/pingan.cjs, the
// package's bin (not in the packed tarball).
import './pingan.cjs';
