/**
 * Builds a copy of the site with some files added or replaced, the way the consultant would change
 * it, to test what one new or broken content file does to a real build. Builds are cached by their
 * fixture, so test files that need the same variant share one build.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

const projectRoot = resolve(import.meta.dirname, '../../..');
const projectFiles = [
  'src',
  'scripts',
  'specs',
  'public',
  'specs',
  'astro.config.mjs',
  'tailwind.config.ts',
  'tsconfig.json',
  'package.json',
];

export interface FixtureBuild {
  /** The copy's root; its build output is in `dist/`. */
  root: string;
  outDir: string;
  ok: boolean;
  /** Everything the build printed, colours stripped. */
  output: string;
}

/** The project's own files, hashed: a cached build is reused only while the code it was built from is unchanged. */
function projectDigest(): string {
  const hash = createHash('sha256');
  const add = (path: string) => {
    if (statSync(path).isDirectory())
      for (const name of readdirSync(path).sort()) add(join(path, name));
    else hash.update(relative(projectRoot, path)).update(readFileSync(path));
  };
  for (const entry of projectFiles) add(join(projectRoot, entry));
  return hash.digest('hex');
}

/**
 * The copy uses the project's packages through one link each, but gets a node_modules folder of its
 * own: Astro and Vite keep their caches there (the content store among them), and builds running side
 * by side must not read each other's content.
 */
function linkDependencies(work: string): void {
  const own = join(work, 'node_modules');
  mkdirSync(own);
  for (const name of readdirSync(join(projectRoot, 'node_modules'))) {
    if (name === '.astro' || name === '.vite') continue;
    symlinkSync(join(projectRoot, 'node_modules', name), join(own, name));
  }
}

/** How long a worker waits for another to finish building the fixture it needs too. */
const OTHER_BUILD_WAIT_MS = 180_000;

/**
 * Waits while another worker builds the same fixture (it holds `<cached>.lock`), so that two workers
 * needing one fixture build it once. The lock goes when the process that took it exits.
 */
function waitForOtherBuild(cached: string, resultFile: string): void {
  const lock = `${cached}.lock`;
  const start = Date.now();
  while (!existsSync(resultFile) && Date.now() - start < OTHER_BUILD_WAIT_MS) {
    try {
      mkdirSync(lock);
      process.once('exit', () => rmSync(lock, { recursive: true, force: true }));
      return;
    } catch {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
}

/**
 * `files` maps paths relative to the project root to their new content; `env` adds build-time
 * settings, such as the `PUBLIC_*` variables of src/config.ts.
 */
export function buildFixture(
  files: Record<string, string>,
  env: Record<string, string> = {},
): FixtureBuild {
  const key = createHash('sha256')
    .update(projectDigest())
    .update(JSON.stringify({ files, env }))
    .digest('hex')
    .slice(0, 16);
  const cached = join(tmpdir(), `blltprf-fixture-${key}`);
  const resultFile = join(cached, 'fixture-result.json');
  waitForOtherBuild(cached, resultFile);
  if (existsSync(resultFile)) return JSON.parse(readFileSync(resultFile, 'utf8')) as FixtureBuild;

  const work = mkdtempSync(join(tmpdir(), 'blltprf-build-'));
  for (const entry of projectFiles)
    cpSync(join(projectRoot, entry), join(work, entry), { recursive: true });
  linkDependencies(work);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(work, path)), { recursive: true });
    writeFileSync(join(work, path), content);
  }

  const run = spawnSync(process.execPath, [join(import.meta.dirname, 'build-site.ts')], {
    cwd: work,
    encoding: 'utf8',
    env: {
      ...process.env,
      ...env,
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      FORCE_COLOR: '0',
    },
  });
  const output = stripVTControlCharacters(`${run.stdout}\n${run.stderr}`);
  const build: FixtureBuild = {
    root: cached,
    outDir: join(cached, 'dist'),
    ok: run.status === 0,
    output,
  };
  writeFileSync(join(work, 'fixture-result.json'), JSON.stringify(build));
  try {
    renameSync(work, cached);
  } catch {
    // Another worker built the same fixture first: its result is as good as ours.
    rmSync(work, { recursive: true, force: true });
  }
  return build;
}
