/**
 * How a shared trace starts in the page address. Its own module, because the page's tiny loader
 * needs only this and must not pull the trace code into the page's first script.
 */
export const TRACE_HASH_PREFIX = '#trace=';
