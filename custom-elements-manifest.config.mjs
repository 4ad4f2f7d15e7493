/**
 * Custom Elements Manifest (custom-elements.json) for <company-onboard>: `npm run analyze` (part of `npm run build`).
 * Reads the JSDoc on the element class (@summary @event @csspart @cssproperty @slot) and Lit's decorators.
 */
export default {
  globs: ['src/element/**/*.ts'],
  exclude: ['**/*.test.ts', '**/*.d.ts'],
  outdir: '.',
  litelement: true,
  // package.json already names the manifest in "customElements"; never rewrite it.
  packagejson: false,
};
