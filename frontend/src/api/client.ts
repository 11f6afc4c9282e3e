import createClient, { type Client, type Middleware } from 'openapi-fetch'
import { inject, type InjectionKey } from 'vue'
import type { paths } from './schema'

export type ApiClient = Client<paths>

export const apiKey: InjectionKey<ApiClient> = Symbol('api')

export function createApiClient(baseUrl: string, token: () => Promise<string | undefined>): ApiClient {
  const client = createClient<paths>({ baseUrl })
  const bearer: Middleware = {
    async onRequest({ request }) {
      const value = await token()
      if (value) request.headers.set('Authorization', `Bearer ${value}`)
      return request
    },
  }
  client.use(bearer)
  return client
}

export function useApi(): ApiClient {
  const api = inject(apiKey)
  if (!api) throw new Error('useApi() needs the panier plugin')
  return api
}
