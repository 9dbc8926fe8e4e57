/**
 * Playwright's global setup: it builds the copies of the site that tests ask for through
 * `buildFixture` (fixture-build.ts), each distinct fixture once per run whichever worker or spec
 * file asks first, and deletes every copy when the run ends. It lives in the test runner's process,
 * which outlasts the workers, and they reach it over HTTP on a free local port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { text } from 'node:stream/consumers';
import { stripVTControlCharacters } from 'node:util';
import { FIXTURE_BUILDER_URL, type Fixture, type FixtureBuild } from './fixture-build.ts';

const projectRoot = resolve(import.meta.dirname, '../../..');
const projectFiles = [
  'src',
  'scripts',
  'specs',
  'public',
  'astro.config.mjs',
  'tailwind.config.ts',
  'tsconfig.json',
  'package.json',
];

/**
 * The copy uses the project's packages through one link each, but gets a node_modules folder of its
 * own: Astro and Vite keep their caches there (the content store among them), and builds running side
 * by side must not read each other's content.
 */
async function linkDependencies(copy: string): Promise<void> {
  const own = join(copy, 'node_modules');
  await mkdir(own);
  for (const name of await readdir(join(projectRoot, 'node_modules'))) {
    if (name === '.astro' || name === '.vite') continue;
    await symlink(join(projectRoot, 'node_modules', name), join(own, name));
  }
}

export default async function startFixtureBuilder(): Promise<() => Promise<void>> {
  const runFolder = await mkdtemp(join(tmpdir(), 'blltprf-fixtures-'));
  /** Keyed by the fixture as the worker sent it: a second request for one fixture waits for the first build. */
  const builds = new Map<string, Promise<FixtureBuild>>();
  const running = new Set<ChildProcess>();

  /** Runs build-site.ts in the copy, with the fixture's settings added to the environment. */
  const runBuild = (root: string, env: Record<string, string>) =>
    new Promise<Omit<FixtureBuild, 'outDir'>>((finished, failed) => {
      const child = spawn(process.execPath, [join(import.meta.dirname, 'build-site.ts')], {
        cwd: root,
        env: {
          ...process.env,
          ...env,
          ASTRO_TELEMETRY_DISABLED: '1',
          NO_COLOR: '1',
          FORCE_COLOR: '0',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      running.add(child);
      let output = '';
      for (const stream of [child.stdout, child.stderr])
        stream.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
      child.on('error', failed);
      child.on('close', (code) => {
        running.delete(child);
        finished({ ok: code === 0, output: stripVTControlCharacters(output) });
      });
    });

  const buildCopy = async ({ files, env }: Fixture): Promise<FixtureBuild> => {
    const root = await mkdtemp(join(runFolder, 'site-'));
    for (const entry of projectFiles)
      await cp(join(projectRoot, entry), join(root, entry), { recursive: true });
    await linkDependencies(root);
    for (const [path, content] of Object.entries(files)) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), content);
    }
    return { outDir: join(root, 'dist'), ...(await runBuild(root, env)) };
  };

  const server = createServer((request, response) => {
    text(request)
      .then(async (fixture) => {
        let build = builds.get(fixture);
        if (!build) {
          build = buildCopy(JSON.parse(fixture) as Fixture);
          builds.set(fixture, build);
        }
        const result = JSON.stringify(await build);
        response.writeHead(200, { 'content-type': 'application/json' }).end(result);
      })
      .catch((error: unknown) => {
        response.writeHead(500).end(error instanceof Error ? error.stack : String(error));
      });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  process.env[FIXTURE_BUILDER_URL] = `http://127.0.0.1:${port}/`;

  return async () => {
    server.close();
    // A run that was stopped can leave a build going; it must end before its copy can go.
    for (const child of running) child.kill();
    await Promise.allSettled(builds.values());
    await rm(runFolder, { recursive: true, force: true });
  };
}
