/**
 * Vite: library build of the widget (`src/index.ts` → `dist/company-onboard.js`, one minified ES module with Lit
 * and zod bundled) and the dev server for the demo.
 *
 * Decorators: the source uses Lit's legacy decorators. Vite 8 compiles TS with Oxc, which takes
 * `experimentalDecorators` and `useDefineForClassFields: false` from tsconfig.json (verified: decorators become
 * `__decorate` calls and field initialisers move into the constructor). Oxc's own options cannot reproduce
 * `useDefineForClassFields: false` at target ES2022, so instead of duplicating them we refuse to build when
 * tsconfig.json loses those flags.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type PluginOption, type UserConfig } from 'vite';

const fromRoot = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

function assertLegacyDecoratorFlags(): void {
  const tsconfig = JSON.parse(readFileSync(fromRoot('./tsconfig.json'), 'utf8')) as {
    compilerOptions?: { experimentalDecorators?: boolean; useDefineForClassFields?: boolean };
  };
  const options = tsconfig.compilerOptions ?? {};
  if (options.experimentalDecorators !== true || options.useDefineForClassFields !== false) {
    throw new Error(
      'tsconfig.json must set experimentalDecorators: true and useDefineForClassFields: false (Lit legacy decorators)',
    );
  }
}

/** Plugins shared by `vite build` and `vite` (dev server). The demo-server plugin goes here. */
const plugins: PluginOption[] = [];

export default defineConfig((): UserConfig => {
  assertLegacyDecoratorFlags();
  return {
    plugins,
    server: {
      host: '127.0.0.1',
      strictPort: true,
    },
    build: {
      target: 'es2022',
      outDir: 'dist',
      emptyOutDir: true,
      sourcemap: true,
      // Library mode turns `minify: 'oxc'` into compress + mangle but keeps whitespace (`codegen: false`);
      // `output.minify: true` below asks for the full minifier.
      minify: 'terser',
      terserOptions: { module: true, ecma: 2020, compress: { passes: 3 } },
      lib: {
        entry: fromRoot('./src/index.ts'),
        formats: ['es'],
        fileName: () => 'company-onboard.js',
      },
      rolldownOptions: {
        // Lets the entry also export what the lazy chunk shares with it (Lit, zod…), so those stay in
        // company-onboard.js instead of a third file every page would have to load.
        preserveEntrySignatures: 'allow-extension',
        output: {
          // Views only an existing company needs (reconnect prompt, dashboard) are imported lazily: they land in
          // their own chunk, so the sign-up path loads company-onboard.js alone.
          chunkFileNames: 'chunks/[name]-[hash].js',
          minify: true,
        },
      },
    },
  };
});
