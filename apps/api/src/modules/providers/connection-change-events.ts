import { Injectable } from '@nestjs/common';
import { CommittedChanges } from '../../common/events/committed-changes';

/** Ids of provider connections that were changed, published after their transaction committed. */
@Injectable()
export class ConnectionChangeEvents extends CommittedChanges {}
