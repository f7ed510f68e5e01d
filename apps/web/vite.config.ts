import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [sveltekit()],
  ssr: {
    // Kit's build-time server imports cookie@0.6, nested under @sveltejs/kit because the API's
    // cookie@2 sits at the workspace root. Left external, the emitted server code would resolve the
    // root copy (which has no `parse`) and the build would fail; bundling resolves it from kit.
    noExternal: ['cookie'],
  },
  server: {
    // The API runs separately in development. The Host header is kept (no changeOrigin) so the
    // API's Origin check sees the dev server's own origin and accepts our POSTs.
    proxy: { '/api': { target: 'http://127.0.0.1:3000' } },
  },
});
