import { ProblemException } from '../../common/problem/problem.exception';

export enum ProxySyncErrorCode {
  Disabled = 'PROXY_SYNC_DISABLED',
  RunNotFound = 'PROXY_SYNC_RUN_NOT_FOUND',
  QueueUnavailable = 'QUEUE_UNAVAILABLE',
}

const STATUS: Record<ProxySyncErrorCode, number> = {
  [ProxySyncErrorCode.Disabled]: 409,
  [ProxySyncErrorCode.RunNotFound]: 404,
  [ProxySyncErrorCode.QueueUnavailable]: 503,
};

const TITLE: Record<ProxySyncErrorCode, string> = {
  [ProxySyncErrorCode.Disabled]: 'LiteLLM mirror off',
  [ProxySyncErrorCode.RunNotFound]: 'Reconcile run not found',
  [ProxySyncErrorCode.QueueUnavailable]: 'Job queue unavailable',
};

const DETAIL: Record<ProxySyncErrorCode, string> = {
  [ProxySyncErrorCode.Disabled]:
    'The LiteLLM mirror is off: set LITELLM_URL and LITELLM_MASTER_KEY and restart to turn it on.',
  [ProxySyncErrorCode.RunNotFound]: 'No reconcile run with this id.',
  [ProxySyncErrorCode.QueueUnavailable]:
    'The reconcile could not be queued: the job queue does not answer. Try again shortly.',
};

export class ProxySyncException extends ProblemException {
  constructor(code: ProxySyncErrorCode, detail = DETAIL[code]) {
    super(STATUS[code], code, TITLE[code], detail);
  }
}
