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
    rollupOptions: {
      // The test is its own light page: no router, query cache or i18next on the citizen's phone.
      input: {
        main: fileURLToPath(new URL('./src/web/index.html', import.meta.url)),
        test: fileURLToPath(new URL('./src/web/test.html', import.meta.url)),
        // Check-in, ticket and queue screen: light too (phones, kiosk tablets, a TV).
        workshop: fileURLToPath(new URL('./src/web/workshop.html', import.meta.url)),
      },
    },
    sourcemap: false,
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
