import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Brotli and gzip copies of every text asset beside it, made once at build time, so the server
 * sends the smallest one the phone accepts without compressing on each request.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'digiloft-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
          const p = path.join(dir, e.name);
          return e.isDirectory() ? walk(p) : [p];
        });
      for (const file of walk(outDir)) {
        if (!/\.(js|css|html|svg|json|txt)$/.test(file)) continue;
        const data = fs.readFileSync(file);
        if (data.length < 1024) continue;
        fs.writeFileSync(
          `${file}.br`,
          zlib.brotliCompressSync(data, {
            params: {
              [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
            },
          }),
        );
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
      }
    },
  };
}

// Two builds into one folder: the staff and citizen app (React), then the light citizen pages
// (`LIGHT=1`: the test, the workshop check-in, booking and queue screen) on Preact's React
// compatibility layer, so an old phone loads a few kilobytes of script instead of React.
const light = process.env.LIGHT === '1';
const preact = {
  'react-dom/client': 'preact/compat/client',
  'react-dom': 'preact/compat',
  'react/jsx-runtime': 'preact/jsx-runtime',
  'react/jsx-dev-runtime': 'preact/jsx-dev-runtime',
  react: 'preact/compat',
};

export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  plugins: [react(), precompress()],
  resolve: {
    alias: {
      ...(light ? preact : {}),
      // dkfds exports only its JavaScript; its CSS is reached through this alias.
      'dkfds-css': fileURLToPath(new URL('./node_modules/dkfds/dist/css', import.meta.url)),
      // DKFDS's icons, for the light pages' stylesheet built from its SCSS sources.
      'dkfds-img': fileURLToPath(new URL('./node_modules/dkfds/src/img', import.meta.url)),
    },
  },
  css: {
    preprocessorOptions: {
      scss: {
        loadPaths: [
          fileURLToPath(new URL('./node_modules/dkfds/src/stylesheets', import.meta.url)),
        ],
        // DKFDS 11's sources still use @import and global color functions.
        silenceDeprecations: ['import', 'global-builtin', 'color-functions'],
        quietDeps: true,
      },
    },
  },
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    // The light build adds to what the app build wrote.
    emptyOutDir: !light,
    rollupOptions: {
      input: light
        ? {
            // The test is its own light page: no router, query cache or i18next.
            test: fileURLToPath(new URL('./src/web/test.html', import.meta.url)),
            // Check-in, ticket, booking and queue screen: light too (phones, kiosks, a TV).
            workshop: fileURLToPath(new URL('./src/web/workshop.html', import.meta.url)),
          }
        : { main: fileURLToPath(new URL('./src/web/index.html', import.meta.url)) },
    },
    sourcemap: false,
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
