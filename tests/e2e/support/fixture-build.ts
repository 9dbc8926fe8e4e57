/**
 * Builds a copy of the site with some files added or replaced, the way the consultant would change
 * it, to test what one new or broken content file does to a real build. The copies are made by the
 * global setup (fixture-builder.ts): each distinct fixture is built once per run, so test files that
 * need the same variant share one build, and every copy is deleted when the run ends.
 */

/** The environment variable through which the global setup tells the workers where it listens. */
export const FIXTURE_BUILDER_URL = 'FIXTURE_BUILDER_URL';

export interface Fixture {
  /** Paths relative to the project root, mapped to their new content. */
  files: Record<string, string>;
  /** Build-time settings added to the environment, such as the `PUBLIC_*` variables of src/config.ts. */
  env: Record<string, string>;
}

export interface FixtureBuild {
  outDir: string;
  ok: boolean;
  /** Everything the build printed, colours stripped. */
  output: string;
}

export async function buildFixture(
  files: Fixture['files'],
  env: Fixture['env'] = {},
): Promise<FixtureBuild> {
  const builder = process.env[FIXTURE_BUILDER_URL];
  if (!builder)
    throw new Error(
      `${FIXTURE_BUILDER_URL} is not set: fixture builds come from the global setup of playwright.config.ts`,
    );
  const fixture: Fixture = { files, env };
  const response = await fetch(builder, { method: 'POST', body: JSON.stringify(fixture) });
  if (!response.ok) throw new Error(`The fixture builder failed: ${await response.text()}`);
  return (await response.json()) as FixtureBuild;
}
