export interface RuntimeConfig {
  apiBaseUrl: string
  keycloak: { url: string; realm: string; clientId: string }
}

// Read at startup rather than bundled, so that one build serves every co-op:
// a deployment overwrites dist/config.json.
export async function loadConfig(): Promise<RuntimeConfig> {
  const response = await fetch(`${import.meta.env.BASE_URL}config.json`, { cache: 'no-cache' })
  if (!response.ok) throw new Error(`config.json answered HTTP ${response.status}`)
  return (await response.json()) as RuntimeConfig
}
