/**
 * The one inline script in every page's <head>: the colour scheme and the web font, each in its own
 * module, run in one script so that each page carries one `<script>` and its policy one hash for
 * them.
 */
import './theme.ts';
import './web-font.ts';
