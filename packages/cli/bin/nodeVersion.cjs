// The Node.js versions the pingan CLI runs on, and the message for any other.
// ES5 on purpose: it runs before anything else, on whatever Node is installed.
'use strict';

var MINIMUM_MAJOR = 20;

/**
 * The message's language, as the CLI's other messages choose it: the first
 * of LC_ALL, LC_MESSAGES and LANG that is set and not empty; Chinese when it
 * starts with "zh", otherwise English.
 */
function localeOf(env) {
  var names = ['LC_ALL', 'LC_MESSAGES', 'LANG'];
  for (var i = 0; i < names.length; i++) {
    var value = env[names[i]];
    if (value) return /^zh/i.test(value) ? 'zh' : 'en';
  }
  return 'en';
}

/**
 * Null when pingan runs on this Node.js version ("20.20.2"), otherwise a
 * message saying which version is needed and how to get it, in the language
 * of `env` (LC_ALL, LC_MESSAGES, LANG).
 */
function unsupportedNodeMessage(version, env) {
  var major = parseInt(String(version).replace(/^v/, '').split('.')[0], 10);
  if (major >= MINIMUM_MAJOR) return null;
  var shown = 'v' + String(version).replace(/^v/, '');
  if (localeOf(env || {}) === 'zh') {
    return 'pingan 需要 Node.js ' + MINIMUM_MAJOR + ' 或更高版本，当前是 ' + shown + '。\n' +
      '请从 https://nodejs.org/ 安装 Node.js ' + MINIMUM_MAJOR + ' 或更高版本（LTS 即可），然后重新运行。';
  }
  return 'pingan needs Node.js ' + MINIMUM_MAJOR + ' or newer; this is Node.js ' + shown + '.\n' +
    'Install Node.js ' + MINIMUM_MAJOR + ' or newer (any LTS) from https://nodejs.org/ and run it again.';
}

module.exports = { MINIMUM_MAJOR: MINIMUM_MAJOR, localeOf: localeOf, unsupportedNodeMessage: unsupportedNodeMessage };
