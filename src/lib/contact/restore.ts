/**
 * Which kept drafts a form puts in its fields and which it offers as choices, as plain data: the
 * browser module (src/client/contact/form.ts) only carries it out. The rules: a restore fills a form
 * only with a draft of this tab or of a tab no longer open, and only where it agrees with what the
 * visitor typed before the script arrived; everything else is offered, never silently taken.
 */
import { contactStatus } from '../../content/interface/contact.ts';
import { sameText, type Draft, type DraftFields } from './draft-record.ts';
import { draftHasText, mayHaveBeenSent } from './draft.ts';

/**
 * Where an offered draft comes from: before a reload or a visit that ended (`earlier`), this tab's own
 * text put aside for another (`set-aside`), a form open in another tab (`other-tab`), or unknown,
 * when the browser cannot tell which tabs are open (`elsewhere`).
 */
export type DraftOrigin = 'earlier' | 'set-aside' | 'other-tab' | 'elsewhere';

export interface Offer {
  draft: Draft;
  origin: DraftOrigin;
}

export interface DraftContext {
  /** Every kept draft, newest first. */
  drafts: Draft[];
  /** This tab's id. */
  tab: string;
  /** The tabs with a form open now, this one included; undefined when the browser cannot tell. */
  openTabs: ReadonlySet<string> | undefined;
  /** Drafts of this tab set aside in this visit for another. */
  setAside: ReadonlySet<string>;
}

export function originOf(draft: Draft, { tab, openTabs, setAside }: DraftContext): DraftOrigin {
  if (draft.tab === tab) return setAside.has(draft.id) ? 'set-aside' : 'earlier';
  if (!openTabs) return 'elsewhere';
  return openTabs.has(draft.tab) ? 'other-tab' : 'earlier';
}

/** Every draft but the form's own, with where it comes from, newest first. */
export function offersOf(context: DraftContext, currentId: string | undefined): Offer[] {
  return context.drafts
    .filter((draft) => draft.id !== currentId)
    .map((draft) => ({ draft, origin: originOf(draft, context) }));
}

/** What was typed agrees with the draft: each field typed in holds the draft's value, or the draft has none. */
function agrees(typed: DraftFields, draft: DraftFields): boolean {
  return Object.entries(typed).every(
    ([name, value]) => !value.trim() || !draft[name]?.trim() || draft[name].trim() === value.trim(),
  );
}

export interface RestorePlan {
  /** The draft whose words go into the form's empty fields; the form goes on writing under its id. */
  fill: Draft | undefined;
  offers: Offer[];
  /** The live region's sentence; empty when there is nothing to say. */
  status: string;
}

/** What a form does with the kept drafts as its script starts, `typed` being what its fields hold already. */
export function planRestore(context: DraftContext, typed: DraftFields): RestorePlan {
  // This tab's own draft first (a reload), then the newest of a visit that ended.
  const candidates = context.drafts
    .filter((draft) => originOf(draft, context) === 'earlier')
    .sort((a, b) => Number(b.tab === context.tab) - Number(a.tab === context.tab));
  const fill = candidates.find((draft) => agrees(typed, draft.fields));
  const offers = offersOf(context, fill?.id).filter(
    ({ draft }) => !(draftHasText(typed) && sameText(draft.fields, typed)),
  );
  const fillSentence = fill
    ? mayHaveBeenSent(fill)
      ? contactStatus.restoredMayHaveArrived
      : contactStatus.restored
    : '';
  const offerSentence =
    offers.length === 0
      ? ''
      : !fill && candidates.length > 0
        ? contactStatus.keptBoth
        : offers.some(({ origin }) => origin === 'other-tab')
          ? contactStatus.offeredFromTab
          : contactStatus.offered;
  return { fill, offers, status: [fillSentence, offerSentence].filter(Boolean).join(' ') };
}
