/**
 * The smallest framework the packaging checks build from an installed
 * tarball (scripts/check-package.ts, packages/cli/test/tarball.test.ts): an
 * index over two indicators, `a` (higher is better) and `b` (lower is
 * better), with equal weights. The checks write it into the scripts they
 * run in an empty project, as JSON.
 */
export function smokeFramework(id: string, name: { readonly zh: string; readonly en: string }) {
  return {
    id,
    version: '1',
    name,
    nodes: [
      { code: 'index', type: 'aggregate', parent: null, name: { zh: '指数', en: 'Index' } },
      { code: 'a', type: 'indicator', parent: 'index', direction: 1, name: { zh: '甲', en: 'A' } },
      { code: 'b', type: 'indicator', parent: 'index', direction: -1, name: { zh: '乙', en: 'B' } },
    ],
  };
}
