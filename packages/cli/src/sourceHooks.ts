// Resolves @pingan/core from its TypeScript source (the "pingan-source"
// export condition), so the workspace runs without a build. Import this
// before anything that imports @pingan/core: a resolution hook applies to
// later imports only, and does not cross into a worker thread, so each
// worker imports it too.
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, nextResolve) {
    const conditions = context.conditions.includes('pingan-source') ? context.conditions : [...context.conditions, 'pingan-source'];
    return nextResolve(specifier, { ...context, conditions });
  },
});
