// Bundles each front end under web/<app>/ into target/classes/static/<app>/, so the jar serves
// everything itself: no CDN, no other host at run time. Run by the Maven build (npm run build).
import * as esbuild from 'esbuild';
import { cpSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

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
      logLevel: 'warning',
    });
  }
  if (existsSync(join(source, 'public'))) {
    cpSync(join(source, 'public'), join(out, app), { recursive: true });
  }
}
