/**
 * The message field's live count: visible on every change, announced politely only when the text
 * comes near or goes over the limit, and a validation message while it is over, so the browser and
 * the form refuse the send and the text stays whole in the field.
 */
import { messageLengthView, type LengthLevel } from '../../lib/contact/view-model.ts';

export function countLength(
  field: HTMLTextAreaElement,
  count: HTMLElement,
  announcer: HTMLElement,
): () => void {
  let level: LengthLevel = 'within';
  const update = () => {
    const view = messageLengthView(field.value.length, level);
    level = view.level;
    count.textContent = view.count;
    count.dataset.level = view.level;
    field.setCustomValidity(view.error);
    if (view.announcement) announcer.textContent = view.announcement;
  };
  field.addEventListener('input', update);
  update();
  return update;
}
