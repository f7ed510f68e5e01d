import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [sveltekit()],
  server: {
    // The API runs separately in development. The Host header is kept (no changeOrigin) so the
    // API's Origin check sees the dev server's own origin and accepts our POSTs.
    proxy: { '/api': { target: 'http://127.0.0.1:3000' } },
  },
});
