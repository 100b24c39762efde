import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  plugins: [react()],
  resolve: {
    alias: {
      // dkfds exports only its JavaScript; its CSS is reached through this alias.
      'dkfds-css': fileURLToPath(new URL('./node_modules/dkfds/dist/css', import.meta.url)),
    },
  },
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
