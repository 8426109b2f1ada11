import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const page = (name: string) => fileURLToPath(new URL(`./web/${name}`, import.meta.url));

/**
 * The web client is built into dist/web and served by the Hono server from our own origin
 * (closed government networks: nothing is fetched from a CDN at run time). Two pages: the app (index.html) and
 * the light public resources site (public-resources.html, served for /public/resources…; decision 0009).
 */
export default defineConfig({
  root: fileURLToPath(new URL('./web', import.meta.url)),
  plugins: [react(), tailwindcss()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // The CSP forbids inline scripts; keep every asset a real file.
    assetsInlineLimit: 0,
    rollupOptions: {
      input: { main: page('index.html'), publicResources: page('public-resources.html') },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
