import { InitialSchema1795306601336 } from './1795306601336-InitialSchema';

/** Every migration, oldest first. Written by `npm run migration:generate -- <Name>`. */
export const MIGRATIONS = [InitialSchema1795306601336];
