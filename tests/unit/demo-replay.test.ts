import { describe, expect, it } from 'vitest';
import { replayWords } from '../../src/content/interface/demo.ts';
import { check } from '../../src/lib/checker/bfs.ts';
import { highlightedSource } from '../../src/lib/demo/class-highlighting.ts';
import { itfDownload } from '../../src/lib/demo/itf-download.ts';
import { observed, outcomeText, readItfText, replayView } from '../../src/lib/demo/replay-view.ts';
import { replayAgainstImplementation } from '../../src/lib/mbt/replay.ts';
import { defaultParameters, dnsControlPlane } from '../../src/lib/models/dns-control-plane.ts';
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
      replayWords.stepTitle('1', 'planner', 'publishes the next plan'),
    );
  });

  it('with the fix: the invariant holds, and the first divergence is the refused stale apply', () => {
    const report = replayAgainstImplementation(shown, { fix: true });
    const view = replayView(shown, report);
    const divergence = report.firstDivergence;
    if (divergence?.outcome?.kind !== 'refused-stale')
      throw new Error('expected the stale apply to be refused');
    const refused = replayWords.outcomes.refusedStale(
      String(divergence.outcome.generation),
      String(divergence.outcome.live),
    );
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
    expect(observed({ rootRecord: 2, storedPlans: [3], invariantHolds: false })).toBe(
      replayWords.observed(replayWords.deletedPlan('2'), '3'),
    );
    expect(observed({ rootRecord: undefined, storedPlans: [], invariantHolds: false })).toBe(
      replayWords.observed(replayWords.noPlan, replayWords.noPlan),
    );
    const words = replayWords.outcomes;
    expect(outcomeText({ kind: 'published', generation: 4 })).toBe(words.published('4'));
    expect(outcomeText({ kind: 'picked-up', generation: 4 })).toBe(words.pickedUp('4'));
    expect(outcomeText({ kind: 'nothing-newer', live: 3 })).toBe(words.nothingNewer('3'));
    expect(outcomeText({ kind: 'applied', generation: 4 })).toBe(words.applied('4'));
    expect(outcomeText({ kind: 'cleaned-up', deleted: [1, 2] })).toBe(words.cleanedUp('1, 2'));
    expect(outcomeText({ kind: 'cleaned-up', deleted: [] })).toBe(words.deletedNothing);
    expect(outcomeText({ kind: 'nothing-to-do' })).toBe(words.nothingToDo);
  });
});

describe('ITF for the island', () => {
  it('downloads a shown trace as a file that reads back to the same trace', () => {
    const { fileName, text } = itfDownload(shown, 'Shortest counterexample');
    expect(fileName).toBe(`dns-control-plane-2-3-1-${length}-steps.itf.json`);
    const read = parseDnsItf(text);
    expect(read).toEqual({ ok: true, value: shown });
    expect(JSON.parse(text)['#meta'].description).toBe('Shortest counterexample');
    expect(
      itfDownload({ ...shown, parameters: { ...defaultParameters, fixed: true } }, '').fileName,
    ).toContain('-fixed-');
  });

  it('reads pasted text, and refuses empty or malformed text with the reason', () => {
    const { text } = itfDownload(shown, '');
    expect(readItfText(text)).toEqual({ ok: true, trace: shown });
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
