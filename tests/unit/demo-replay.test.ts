import { describe, expect, it } from 'vitest';
import { replayWords } from '../../src/content/interface/demo.ts';
import { check } from '../../src/lib/checker/bfs.ts';
import { highlightedSource } from '../../src/lib/demo/class-highlighting.ts';
import { itfDownload } from '../../src/lib/demo/itf-download.ts';
import { observed, outcomeText, readItfText, replayView } from '../../src/lib/demo/replay-view.ts';
import { replayAgainstImplementation } from '../../src/lib/mbt/replay.ts';
import {
  ACTION_WORDS,
  defaultParameters,
  dnsControlPlane,
} from '../../src/lib/models/dns-control-plane.ts';
import { parseDnsItf, type DnsTrace } from '../../src/lib/models/dns-control-plane-itf.ts';

const found = check(dnsControlPlane(defaultParameters));
if (found.kind !== 'violation') throw new Error('the default model must break its invariant');
const shown: DnsTrace = { parameters: defaultParameters, trace: found.trace };
const length = found.trace.steps.length;

describe('the replay report', () => {
  it('as built: the outage reproduces at the model’s step, and every step agrees', () => {
    const view = replayView(shown, replayAgainstImplementation(shown, { fix: false }));
    expect(view.summary).toBe(
      `${replayWords.asBuilt}${replayWords.reproduces(String(length))} ${replayWords.agreesThroughout}`,
    );
    expect(view.steps).toHaveLength(length + 1);
    expect(view.steps[0]?.title).toBe(replayWords.start);
    expect(
      view.steps.every(({ agrees, verdict }) => agrees && verdict === replayWords.agrees),
    ).toBe(true);
    expect(view.steps.map(({ implementationBroken }) => implementationBroken)).toEqual(
      view.steps.map(({ modelBroken }) => modelBroken),
    );
    expect(view.steps.findIndex(({ implementationBroken }) => implementationBroken)).toBe(length);
    expect(view.steps[1]?.title).toBe(
      replayWords.stepTitle('1', 'planner', ACTION_WORDS.GeneratePlan),
    );
  });

  it('with the fix: the invariants hold, and the first divergence is the refused stale deploy', () => {
    const report = replayAgainstImplementation(shown, { fix: true });
    const view = replayView(shown, report);
    const divergence = report.firstDivergence;
    if (divergence?.outcome?.kind !== 'refused')
      throw new Error('expected the stale deploy to be refused');
    expect(divergence.action).toMatchObject({ kind: 'Deploy' });
    const refused = replayWords.outcomes.refused(divergence.outcome.reason);
    expect(view.summary).toBe(
      `${replayWords.withFix}${replayWords.holds(String(length))} ` +
        replayWords.firstDivergence(String(divergence.step), refused),
    );
    expect(view.steps.some(({ implementationBroken }) => implementationBroken)).toBe(false);
    expect(
      view.steps.filter(({ firstDivergence }) => firstDivergence).map(({ step }) => step),
    ).toEqual([divergence.step]);
    expect(view.steps[divergence.step]?.implementation).toContain(refused);
  });

  it('tells the implementation’s side in the dictionary’s words', () => {
    const state = {
      root: 'plan-002.cdb.acme',
      rollback: 'plan-001.cdb.acme',
      lock: 'deployer-b 3',
      plans: ['plan-001.cdb.acme'],
      rootHolds: false,
      rollbackHolds: true,
    };
    expect(observed(state)).toBe(
      replayWords.observed(
        replayWords.deletedPlan('plan-002.cdb.acme'),
        'plan-001.cdb.acme',
        'deployer-b 3',
        'plan-001.cdb.acme',
      ),
    );
    expect(observed({ ...state, plans: [], rootHolds: true })).toContain(replayWords.noPlan);
    const words = replayWords.outcomes;
    expect(outcomeText({ kind: 'generated', version: 4 })).toBe(words.generated('4'));
    expect(outcomeText({ kind: 'synced', lock: 'genesis 0', root: 'plan-init.cdb.acme' })).toBe(
      words.synced('genesis 0', 'plan-init.cdb.acme'),
    );
    expect(outcomeText({ kind: 'installed', version: 4, lock: 'deployer-a 5' })).toBe(
      words.installed('4', 'deployer-a 5'),
    );
    expect(outcomeText({ kind: 'idle' })).toBe(words.idle);
    expect(outcomeText({ kind: 'refused', reason: 'record mismatch' })).toBe(
      words.refused('record mismatch'),
    );
    expect(outcomeText({ kind: 'cleaned', deletedVersions: [1, 2] })).toBe(words.cleaned('1, 2'));
    expect(outcomeText({ kind: 'cleaned', deletedVersions: [] })).toBe(words.deletedNothing);
  });
});

describe('ITF for the island', () => {
  it('downloads a shown trace as a file that reads back to the same trace', () => {
    const { fileName, text } = itfDownload(shown, 'Shortest counterexample');
    const { deployers, plans, keep } = defaultParameters;
    expect(fileName).toBe(`acme-clouddb-${deployers}-${plans}-${keep}-${length}-steps.itf.json`);
    const read = parseDnsItf(text);
    expect(read).toEqual({ ok: true, value: [shown] });
    expect(JSON.parse(text)['#meta'].description).toBe('Shortest counterexample');
    expect(
      itfDownload({ ...shown, parameters: { ...defaultParameters, fixed: true } }, '').fileName,
    ).toContain('-fixed-');
  });

  it('reads pasted text, and refuses empty or malformed text with the reason', () => {
    const { text } = itfDownload(shown, '');
    expect(readItfText(text)).toEqual({ ok: true, trace: shown, others: 0 });
    expect(
      readItfText(`${JSON.stringify(JSON.parse(text))}\n${JSON.stringify(JSON.parse(text))}`),
    ).toEqual({
      ok: true,
      trace: shown,
      others: 1,
    });
    expect(readItfText('  ')).toEqual({
      ok: false,
      status: replayWords.fileRefused(replayWords.fileEmpty),
    });
    const refused = readItfText('{"vars": [], "states": []}');
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.status).toMatch(/states/);
  });
});

describe('highlighted source', () => {
  it('is a focusable box coloured by class only, with no element for plain text', async () => {
    const html = await highlightedSource('// why\nexport const answer = 42;');
    expect(html).toMatch(/^<pre class="[^"]*overflow-auto[^"]*"/);
    expect(html).toContain('tabindex="0"');
    expect(html).toContain('class="tok-keyword"');
    expect(html).toContain('class="tok-comment"');
    expect(html).not.toContain('style=');
    // Plain text is left bare rather than wrapped in an element of no kind.
    expect(html).not.toContain('<span>');
    expect(html).toContain('answer');
  });
});
