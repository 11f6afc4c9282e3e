/**
 * A till beside Panier, as an integrator would write it with nothing but the contract:
 * - it signs in as an integration client (OAuth2 client credentials, from Keycloak);
 * - it reads the catalogue, and records what the till received as a stock movement;
 * - it receives the co-op's events on a webhook endpoint and checks their signature.
 * The API client is generated from openapi.yaml (openapi-typescript + openapi-fetch). Each step
 * prints one JSON line, so that a person or a test can follow it.
 */
import { createServer } from 'node:http'
import createClient from 'openapi-fetch'
import type { components, paths } from './schema.js'
import { verified } from './webhookSignature.js'

type DomainEvent = components['schemas']['DomainEvent']

function required(name: string): string {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is required (see README.md)`)
  return value
}

const config = {
  apiUrl: required('PANIER_API_URL'),
  tokenUrl: required('PANIER_TOKEN_URL'),
  clientId: required('PANIER_CLIENT_ID'),
  clientSecret: required('PANIER_CLIENT_SECRET'),
  webhookSecret: process.env.PANIER_WEBHOOK_SECRET,
  port: Number(process.env.TILL_PORT ?? 8099),
  product: process.env.TILL_PRODUCT,
}

const say = (line: Record<string, unknown>) => console.log(JSON.stringify(line))

let token: { value: string; until: number } | undefined
async function accessToken(): Promise<string> {
  if (token && token.until > Date.now()) return token.value
  const answer = await fetch(config.tokenUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: config.clientId,
      client_secret: config.clientSecret,
    }),
  })
  if (!answer.ok) throw new Error(`Keycloak refused the client: ${answer.status} ${await answer.text()}`)
  const body = (await answer.json()) as { access_token: string; expires_in: number }
  token = { value: body.access_token, until: Date.now() + (body.expires_in - 30) * 1000 }
  return token.value
}

const panier = createClient<paths>({ baseUrl: config.apiUrl })
panier.use({
  async onRequest({ request }) {
    request.headers.set('Authorization', `Bearer ${await accessToken()}`)
    return request
  },
})

async function syncCatalogue() {
  const { data, error } = await panier.GET('/api/v1/products', { params: { query: { limit: 50 } } })
  if (error) throw new Error(`Reading the catalogue failed: ${error.title} ${error.detail ?? ''}`)
  say({ step: 'catalogue', products: data.items.length })
  const product = data.items.find((p) => p.name === config.product) ?? data.items[0]
  if (!product) return
  const recorded = await panier.POST('/api/v1/products/{productId}/stock-movements', {
    params: { path: { productId: product.id } },
    body: { kind: 'RECEPTION', quantity: 1, note: 'Caisse du local : réception' },
  })
  if (recorded.error) throw new Error(`Recording the movement failed: ${recorded.error.title} ${recorded.error.detail ?? ''}`)
  say({ step: 'stock', product: product.name, movement: recorded.data.kind, quantity: recorded.data.quantity })
}

function receiveWebhooks() {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      const ok =
        config.webhookSecret !== undefined &&
        verified(
          config.webhookSecret,
          {
            id: request.headers['webhook-id'] as string | undefined,
            timestamp: request.headers['webhook-timestamp'] as string | undefined,
            signature: request.headers['webhook-signature'] as string | undefined,
          },
          body,
        )
      if (!ok) {
        say({ step: 'webhook', verified: false })
        response.writeHead(401).end()
        return
      }
      const event = JSON.parse(body) as DomainEvent
      say({ step: 'webhook', verified: true, type: event.type, id: event.id, subject: event.subject, data: event.data })
      response.writeHead(204).end()
    })
  })
  server.listen(config.port, '127.0.0.1', () => say({ step: 'listening', url: `http://127.0.0.1:${config.port}/` }))
}

receiveWebhooks()
syncCatalogue().catch((error: unknown) => {
  say({ step: 'error', message: error instanceof Error ? error.message : String(error) })
  process.exitCode = 1
})
