import { AsyncLocalStorage } from 'node:async_hooks';

/** Who is asking and from where, for code far from the controller (the audit trail). */
export interface RequestContext {
  /** Read when needed: the guard sets the caller on the request after this context began. */
  caller: () => unknown;
  correlationId: string;
  ip: string;
  userAgent?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runInRequestContext<T>(
  context: RequestContext,
  work: () => T,
): T {
  return storage.run(context, work);
}

/** The current request's context; undefined outside a request (boot, jobs, the CLI). */
export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}
