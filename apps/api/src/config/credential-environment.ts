export const CREDENTIAL_ENVIRONMENT = Symbol('CREDENTIAL_ENVIRONMENT');

/**
 * Where `*_env` references of provider connections are read, at use time: the process environment in
 * production, a map of their own in tests.
 */
export type CredentialEnvironment = Readonly<
  Record<string, string | undefined>
>;
