// A single-page app: the API process serves the built files and falls back to index.html.
export const ssr = false;
export const prerender = false;
