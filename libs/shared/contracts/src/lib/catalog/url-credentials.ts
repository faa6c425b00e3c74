/** Query parameters that carry a credential by every convention we know of (`?key=`, `?sig=`…). */
const SECRET_PARAM =
  /^(api[-_]?key|x-api-key|key|token|access[-_]?token|auth[-_]?token|sig|signature|password|secret|client[-_]?secret)$/i;

const MASK = 'redacted';

/** Which credential-carrying parts a URL has: userinfo, and the names of secret-looking parameters. */
export function urlCredentials(value: string): {
  userinfo: boolean;
  params: string[];
} {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { userinfo: false, params: [] };
  }
  const params: string[] = [];
  url.searchParams.forEach((_value, name) => {
    if (SECRET_PARAM.test(name) && !params.includes(name)) params.push(name);
  });
  return { userinfo: url.username !== '' || url.password !== '', params };
}

/**
 * The URL with userinfo and secret-looking parameter values replaced, for answers: rows written before
 * such URLs were refused may still hold one.
 */
export function maskUrlCredentials(value: string): string {
  const found = urlCredentials(value);
  if (!found.userinfo && found.params.length === 0) return value;
  const url = new URL(value);
  if (found.userinfo) {
    url.username = MASK;
    url.password = '';
  }
  for (const name of found.params) url.searchParams.set(name, MASK);
  return url.toString();
}
