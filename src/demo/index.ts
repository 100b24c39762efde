// The Copenhagen demo, on top of every area: `digiloft seed --demo`, and what `serve` loads into
// an empty embedded database.
export { seedDemo, type SeedResult } from './seed-demo';
export { demoModule } from './demo.cli';
