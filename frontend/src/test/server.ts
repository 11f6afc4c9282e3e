import { setupServer } from 'msw/node'

export const apiBaseUrl = 'http://api.test'

/** The API seen by the tests; each test adds its handlers with server.use(). */
export const server = setupServer()
