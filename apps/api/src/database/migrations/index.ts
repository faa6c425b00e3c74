import { InitialSchema1795306601336 } from './1795306601336-InitialSchema';
import { AddAuthentication1795309240301 } from './1795309240301-AddAuthentication';

/** Every migration, oldest first. Written by `npm run migration:generate -- <Name>`. */
export const MIGRATIONS = [
  InitialSchema1795306601336,
  AddAuthentication1795309240301,
];
