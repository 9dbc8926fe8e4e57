/**
 * The words of the site's frame: navigation, landmarks, the skip link, the menu and the colour-scheme
 * toggle. Pages' own words are in the collections; the form's, the demo's and the collections' labels
 * have their own files beside this one.
 */
export const navLabels = {
  home: 'Home',
  training: 'Training',
  executableSpecs: 'Executable specs',
  spotlights: 'Spotlights',
  writing: 'Writing',
  contact: 'Get in touch',
  privacy: 'Privacy',
} as const;

export const frameWords = {
  skipToContent: 'Skip to content',
  mainNavigation: 'Main',
  footerNavigation: 'Footer',
  menu: 'Menu',
  darkTheme: 'Dark theme',
} as const;
