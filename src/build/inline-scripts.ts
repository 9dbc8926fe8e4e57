/**
 * The inline scripts' text: each source under src/scripts/ (readable, linted browser TypeScript)
 * bundled with the modules it imports into one function that runs at once (esbuild), then
 * minified (terser). The text goes into every page as it is and astro.config.mjs hashes it for the
 * CSP, so it must come out the same on every build: both tools are deterministic, and the versions
 * are pinned by the lockfile. Builds and tests run from the repository's root, where the sources'
 * paths start.
 */
import { buildSync } from 'esbuild';
import { minify_sync, type MinifyOptions } from 'terser';

/** The browsers Tailwind 4 supports, which the site supports. */
const BROWSERS = ['chrome111', 'safari16.4', 'firefox128'];

/**
 * Letters by how often they occur in JavaScript (UglifyJS's order), then digits, which may not
 * start a name.
 */
const LEADING = 'etnrisouaflchpdvmgybwESxTNCkLAOM_DPHBjFIqRUzWXV$JKQGYZ';
const FOLLOWING = `${LEADING}0516372984`;

/** Terser's `nth_identifier`: the `n`th short name, in the order of terser's own (base 54, then 64). */
const fixedNames = {
  get(n: number): string {
    let name = LEADING[n % LEADING.length]!;
    for (n = Math.floor(n / LEADING.length); n > 0; n = Math.floor((n - 1) / FOLLOWING.length))
      name += FOLLOWING[(n - 1) % FOLLOWING.length];
    return name;
  },
};

/**
 * Each page carries these texts beside each other, so what repeats between them compresses to
 * almost nothing, and a byte here is a byte of every page. So: several passes; single-use functions
 * inlined where they are called, but not unrolled into their caller (`inline: 1`, which keeps
 * `afterFirstPaint` one piece, alike in both scripts that use it); `unsafe` rewrites, which hold
 * for what these scripts do (`String(x)` as `x+""`); and names from one fixed order instead of
 * terser's default, which orders them by each script's own letters, so that the same code is named
 * alike in every script. The figures are in docs/performance.md.
 */
const TERSER_OPTIONS: MinifyOptions = {
  compress: { passes: 3, inline: 1, unsafe: true },
  mangle: { nth_identifier: fixedNames },
};

/** The minified text of the inline script whose source is `entry` (a path from the root). */
export function inlineScript(entry: string): string {
  const [bundle] = buildSync({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    target: BROWSERS,
    // Not the repository's tsconfig.json: its `strict` would start every script with "use strict",
    // which none needs. Types are checked by `astro check`; esbuild only strips them.
    tsconfigRaw: {},
    write: false,
  }).outputFiles;
  const { code } = minify_sync(bundle?.text ?? '', TERSER_OPTIONS);
  if (!code) throw new Error(`${entry}: terser wrote nothing`);
  // An inline script ends at </script>: its last statement needs no semicolon.
  return code.replace(/;$/, '');
}

/** Every page's <head>: the colour scheme and the web font (src/scripts/head.ts). */
export const headScript = inlineScript('src/scripts/head.ts');
/** The loader that stands in for each page script (src/scripts/page-script-loader.ts). */
export const pageScriptLoader = inlineScript('src/scripts/page-script-loader.ts');
