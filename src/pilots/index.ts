// The one door into pilot projects.
export { pilotRoutes } from './pilots.routes';
export { importRegister, type ImportReport } from './register-import';
export { openPilotsFor } from './open-pilots';
