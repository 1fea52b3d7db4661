import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('./web', import.meta.url));

// The server serves dist/web at `/`, so the build lands there; `teeka serve` on port 3000 answers
// /api during `npx vite` development, keeping the page and the API on one origin as in production.
export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // A budget, not a formality: cheap phones parse every byte. react-dom alone is about 205 kB of
    // the 340 kB today, so a warning here means our own code or a new dependency grew.
    chunkSizeWarningLimit: 360,
  },
  server: {
    proxy: { '/api': process.env.TEEKA_API_URL ?? 'http://127.0.0.1:3000' },
  },
});
