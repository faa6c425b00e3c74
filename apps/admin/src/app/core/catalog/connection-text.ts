import { type ProviderConnection } from '@llm-registry/contracts';

/** How a connection's credential is given, without ever showing it. */
export function credentialText(connection: ProviderConnection): string {
  switch (connection.credentialSource) {
    case 'encrypted':
      return (
        Object.values(connection.secretHints).join(', ') ||
        connection.secretHint ||
        'stored'
      );
    case 'environment':
      return Object.values(connection.authEnv ?? {})
        .map((variable) => `$${variable}`)
        .join(', ');
    case 'none':
      return 'none';
  }
}

/** A connection in one line, for pickers: name, endpoint and how its credential is given. */
export function connectionLabel(connection: ProviderConnection): string {
  return `${connection.name} · ${connection.baseUrl ?? 'provider default'} · ${credentialText(connection)}`;
}
