/**
 * One of the two inline scripts (the other is web-font.ts). It runs in <head> before first paint so a
 * stored scheme never flashes the wrong colours; Astro's CSP cannot hash inline scripts itself, so
 * astro.config.mjs hashes this exact string. It also wires the toggle and closes the menu on Escape, so that pages without
 * interactive parts need no script file at all.
 */
export const THEME_STORAGE_KEY = 'theme';
/** Set on <html> before the first paint, so controls that need the script show from the first frame (no shift). */
export const SCRIPTED_CLASS = 'scripted';

export const themeScript = `(()=>{const d=document.documentElement,k=${JSON.stringify(THEME_STORAGE_KEY)},q=matchMedia("(prefers-color-scheme: dark)");d.classList.add(${JSON.stringify(SCRIPTED_CLASS)});try{const t=localStorage.getItem(k);if(t==="light"||t==="dark")d.dataset.theme=t}catch(e){}const dark=()=>(d.dataset.theme||(q.matches?"dark":"light"))==="dark";addEventListener("DOMContentLoaded",()=>{const b=document.getElementById("theme-toggle");if(b){const sync=()=>b.setAttribute("aria-pressed",String(dark()));sync();q.addEventListener("change",sync);b.addEventListener("click",()=>{const t=dark()?"light":"dark";d.dataset.theme=t;try{localStorage.setItem(k,t)}catch(e){}sync()})}const m=document.getElementById("site-menu");m&&m.addEventListener("keydown",e=>{if(e.key==="Escape"&&m.open){m.open=false;m.querySelector("summary").focus()}})})})()`;
