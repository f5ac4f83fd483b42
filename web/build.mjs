// Bundles each front end under web/<app>/ into target/classes/static/<app>/, so the jar serves
// everything itself: no CDN, no other host at run time. Run by the Maven build (npm run build).
import * as esbuild from 'esbuild';
import { cpSync, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

// `import lintConfig from 'bpmnlint-config'` gives the repository's .bpmnlintrc with every rule bundled,
// so the browser lints with exactly the rules that the build's lint:bpmn applies to processes/.
const compileConfig = createRequire(import.meta.url)('bpmnlint/lib/support/compile-config');
const bpmnlintConfig = {
  name: 'bpmnlint-config',
  setup(build) {
    build.onResolve({ filter: /^bpmnlint-config$/ }, () => ({ path: '.bpmnlintrc', namespace: 'bpmnlint-config' }));
    build.onLoad({ filter: /.*/, namespace: 'bpmnlint-config' }, async () => ({
      contents: await compileConfig(JSON.parse(readFileSync('.bpmnlintrc', 'utf8'))),
      resolveDir: process.cwd(),
      loader: 'js',
    }));
  },
};

const out = process.argv[2] ?? 'target/classes/static';
const apps = readdirSync('web').filter(name => statSync(join('web', name)).isDirectory());

for (const app of apps) {
  const source = join('web', app);
  if (existsSync(join(source, 'main.js'))) {
    await esbuild.build({
      entryPoints: { app: join(source, 'main.js') },
      bundle: true,
      minify: true,
      sourcemap: true,
      format: 'iife',
      target: 'es2020',
      outdir: join(out, app),
      loader: { '.svg': 'dataurl', '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.png': 'file' },
      plugins: [bpmnlintConfig],
      logLevel: 'warning',
    });
  }
  if (existsSync(join(source, 'public'))) {
    cpSync(join(source, 'public'), join(out, app), { recursive: true });
  }
}
