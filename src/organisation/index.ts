// The one door other areas use into organisation (municipalities, sites, users).
export { organisationRoutes } from './organisation.routes';
export {
  findMunicipality,
  findMunicipalityByCode,
  findUser,
  findUserById,
  findUserByEmail,
  findUsersByEmail,
  insertMunicipality,
  insertSite,
  insertUser,
  listSites,
  listUsers,
} from './organisation.store';
export type { UserRow, SiteRow, MunicipalityRow } from './organisation.store';
export { municipalities, sites, users } from './organisation.schema';
export * from './organisation.contract';
