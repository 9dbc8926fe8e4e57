/**
 * Source text for inline scripts: runs `run` once the browser has reported the page's first
 * contentful paint (not merely scheduled it), `delayMs` later. Every browser Tailwind 4 supports
 * (Safari 16.4, Chrome 111, Firefox 128 and later) reports paint timing. A page that is never shown
 * is never painted, and starts nothing until it is.
 */
export const afterFirstPaint = (run: string, delayMs = 0) =>
  `new PerformanceObserver((l,o)=>{if(l.getEntriesByName("first-contentful-paint").length){o.disconnect();setTimeout(()=>${run}${delayMs ? `,${delayMs}` : ''})}}).observe({type:"paint",buffered:true})`;
