import { Injectable } from '@nestjs/common';
import { CommittedChanges } from '../../common/events/committed-changes';

/** Ids of models created, changed or deleted, published after their transaction committed. */
@Injectable()
export class ModelChangeEvents extends CommittedChanges {}
