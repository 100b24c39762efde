import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  // Every area's tables and the platform's: each sits in a *.schema.ts beside its code.
  schema: './src/**/*.schema.ts',
  out: './migrations',
});
