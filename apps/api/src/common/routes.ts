/** Route prefixes. Admin and public routes stay in separate groups so each gets its own guards. */
export const API_V1 = 'api/v1';
export const ADMIN_API = `${API_V1}/admin`;
