import { ModelEntity } from '../modules/registry/model.entity';
import { AppStateEntity } from './app-state.entity';

/** Every entity, listed explicitly: the API is bundled, so globs would find nothing. */
export const ENTITIES = [AppStateEntity, ModelEntity];
