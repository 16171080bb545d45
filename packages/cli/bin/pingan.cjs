#!/usr/bin/env node
// The `pingan` command. Everything above the version check is written in the
// JavaScript that any Node.js reads (var, function, require; no import, no
// arrow functions), so an unsupported Node says what is wrong instead of
// failing with a syntax error.
'use strict';
var message = require('./nodeVersion.cjs').unsupportedNodeMessage(process.versions.node, process.env);
if (message) {
  process.stderr.write(message + '\n');
  process.exit(2);
}
require('./launch.cjs');
