/** Small DOM helpers for the island. */

export function required<E extends Element>(
  root: ParentNode,
  selector: string,
  type: new () => E,
): E {
  const element = root.querySelector(selector);
  if (!(element instanceof type)) throw new Error(`The model checker demo is missing ${selector}`);
  return element;
}

/** A fresh copy of the first element in `<template data-template="name">`. */
export function fromTemplate(root: ParentNode, name: string): HTMLElement {
  const template = required(root, `template[data-template="${name}"]`, HTMLTemplateElement);
  const element = template.content.firstElementChild?.cloneNode(true);
  if (!(element instanceof HTMLElement)) throw new Error(`The ${name} template is empty`);
  return element;
}

/** Sets the text of each `[data-slot]` named in `texts`. */
export function fillSlots(element: ParentNode, texts: Readonly<Record<string, string>>): void {
  for (const [slot, text] of Object.entries(texts)) {
    const target = element.querySelector(`[data-slot="${slot}"]`);
    if (target) target.textContent = text;
  }
}

export function slot(element: ParentNode, name: string): HTMLElement {
  return required(element, `[data-slot="${name}"]`, HTMLElement);
}

export const prefersReducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

export const scrollBehavior = (): ScrollBehavior => (prefersReducedMotion() ? 'auto' : 'smooth');
