/** Route paths and page titles, in one place so links and tests agree. */
export const PATHS = {
  login: 'login',
  models: 'models',
  providers: 'providers',
  knowledgeBases: 'knowledge-bases',
  audit: 'audit',
  users: 'users',
} as const;

export const TITLES = {
  login: 'Sign in · LLM Registry',
  models: 'Models · LLM Registry',
  providers: 'Providers · LLM Registry',
  knowledgeBases: 'Knowledge bases · LLM Registry',
  audit: 'Audit log · LLM Registry',
  users: 'Users & keys · LLM Registry',
} as const;

/** The API, on the same origin as the app. */
export const API = '/api/v1';
export const ADMIN_API = `${API}/admin`;
