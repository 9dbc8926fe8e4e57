/**
 * The light colour scheme of src/styles/global.css, for images drawn outside CSS (social cards,
 * icons). A unit test keeps these equal to the stylesheet, so the two cannot drift apart.
 */
export const lightScheme = {
  bg: '#fbfaf7',
  fg: '#1a1b1e',
  muted: '#55575d',
  line: '#d9d6cc',
  accent: '#b4361b',
} as const;
