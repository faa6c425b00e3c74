// A small JSON client of the API for the bench runners.

/** @typedef {'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'} Method */

/**
 * A JSON client of the API at `base`, sending the admin's token once `login` has run. Answers are the
 * API's JSON, typed `any` on purpose: a bench reads a few fields and fails loudly when one is missing.
 * @param {string} base
 */
export function apiClient(base) {
  /** @type {string | null} */
  let token = null;
  /**
   * @param {Method} method
   * @param {string} path
   * @param {unknown} [body]
   * @returns {Promise<any>}
   */
  const call = async (method, path, body) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok)
      throw new Error(
        `${method} ${path}: ${response.status} ${await response.text()}`,
      );
    return response.status === 204 ? null : response.json();
  };
  return {
    call,
    /**
     * @param {string} email
     * @param {string} password
     */
    login: async (email, password) => {
      token = (await call('POST', '/api/v1/auth/login', { email, password }))
        .accessToken;
    },
  };
}
