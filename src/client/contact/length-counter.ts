/**
 * The message field's live count, in characters as the visitor sees them: visible on every change,
 * announced politely only when the text comes near or goes over the limit. Refusing an over-long
 * send is the field's validation (fieldProblemMessage), so the text stays whole in the field.
 */
import { graphemeCount } from '../../lib/contact/limits.ts';
import { messageLengthView, type LengthLevel } from '../../lib/contact/view-model.ts';

export function countLength(
  field: HTMLTextAreaElement,
  count: HTMLElement,
  announcer: HTMLElement,
): () => void {
  let level: LengthLevel = 'within';
  const update = () => {
    const view = messageLengthView(graphemeCount(field.value), level);
    level = view.level;
    count.textContent = view.count;
    count.dataset.level = view.level;
    if (view.announcement) announcer.textContent = view.announcement;
  };
  field.addEventListener('input', update);
  update();
  return update;
}
