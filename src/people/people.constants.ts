// People constants, import-free so the web client can use them.
export { EDUCATION_LEVELS, type EducationLevel } from '../vocabulary';
