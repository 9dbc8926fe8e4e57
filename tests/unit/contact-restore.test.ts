import { describe, expect, it } from 'vitest';
import { contactStatus } from '../../src/content/interface/contact.ts';
import type { Draft } from '../../src/lib/contact/draft-record.ts';
import { offersOf, planRestore, type DraftContext } from '../../src/lib/contact/restore.ts';

const draft = (id: string, tab: string, message: string, changes: Partial<Draft> = {}): Draft => ({
  id,
  tab,
  savedAt: 1000,
  fields: { name: 'Ada', message },
  sending: false,
  mayHaveArrived: undefined,
  ...changes,
});

const context = (drafts: Draft[], changes: Partial<DraftContext> = {}): DraftContext => ({
  drafts,
  tab: 'here',
  openTabs: new Set(['here']),
  setAside: new Set(),
  ...changes,
});

const origins = (plan: { offers: { draft: Draft; origin: string }[] }) =>
  plan.offers.map(({ draft, origin }) => [draft.id, origin]);

describe('restoring kept drafts', () => {
  it("fills an empty form with this tab's draft after a reload", () => {
    const own = draft('own', 'here', 'Before the reload');
    const plan = planRestore(context([own]), {});
    expect(plan.fill).toBe(own);
    expect(plan.offers).toEqual([]);
    expect(plan.status).toBe(contactStatus.restored);
  });

  it('fills an empty form with the newest draft of a visit that ended', () => {
    const older = draft('older', 'gone', 'Older', { savedAt: 1 });
    const newer = draft('newer', 'gone-too', 'Newer', { savedAt: 2 });
    const plan = planRestore(context([newer, older]), {});
    expect(plan.fill).toBe(newer);
    expect(origins(plan)).toEqual([['older', 'earlier']]);
    expect(plan.status).toBe(`${contactStatus.restored} ${contactStatus.offered}`);
  });

  it('never replaces words typed before the script: the draft is offered beside them', () => {
    const own = draft('own', 'here', 'Kept draft');
    const plan = planRestore(context([own]), { message: 'Typed early', name: '' });
    expect(plan.fill).toBeUndefined();
    expect(origins(plan)).toEqual([['own', 'earlier']]);
    expect(plan.status).toBe(contactStatus.keptBoth);
  });

  it('fills around typed words that agree with the draft, as a browser restoring the form does', () => {
    const own = draft('own', 'here', 'Same words');
    const plan = planRestore(context([own]), { message: 'Same words ', name: '' });
    expect(plan.fill).toBe(own);
  });

  it("offers another open tab's draft, and never fills the form with it", () => {
    const theirs = draft('theirs', 'there', 'Being written there');
    const plan = planRestore(context([theirs], { openTabs: new Set(['here', 'there']) }), {});
    expect(plan.fill).toBeUndefined();
    expect(origins(plan)).toEqual([['theirs', 'other-tab']]);
    expect(plan.status).toBe(contactStatus.offeredFromTab);
  });

  it('fills nothing but its own when the browser cannot tell which tabs are open', () => {
    const unknown = draft('unknown', 'somewhere', 'Whose?');
    const plan = planRestore(context([unknown], { openTabs: undefined }), {});
    expect(plan.fill).toBeUndefined();
    expect(origins(plan)).toEqual([['unknown', 'elsewhere']]);
  });

  it('a text that may already have arrived comes back saying so', () => {
    const unanswered = draft('u', 'gone', 'Sent?', {
      mayHaveArrived: { name: 'Ada', message: 'Sent?' },
    });
    expect(planRestore(context([unanswered]), {}).status).toBe(
      contactStatus.restoredMayHaveArrived,
    );
    const inFlight = draft('f', 'gone', 'Sent?', { sending: true });
    expect(planRestore(context([inFlight]), {}).status).toBe(contactStatus.restoredMayHaveArrived);
  });

  it('offers nothing twice: not the draft in the form, nor one with the words just typed', () => {
    const same = draft('same', 'there', 'Typed early');
    const plan = planRestore(context([same], { openTabs: new Set(['here', 'there']) }), {
      name: 'Ada',
      message: 'Typed early',
    });
    expect(plan.offers).toEqual([]);
    expect(plan.status).toBe('');
  });

  it("names this tab's own text put aside for another as set aside", () => {
    const aside = draft('aside', 'here', 'Put aside');
    const current = draft('current', 'here', 'In the form');
    const offers = offersOf(context([aside, current], { setAside: new Set(['aside']) }), 'current');
    expect(offers.map(({ draft, origin }) => [draft.id, origin])).toEqual([['aside', 'set-aside']]);
  });
});
