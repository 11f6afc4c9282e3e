import { spawn, type ChildProcess } from 'node:child_process'

// The example integration (examples/till-sync), run as an integrator would run it: each step it
// takes prints one JSON line, which the test waits for.
export interface TillLine {
  step: string
  [key: string]: unknown
}

export interface TillSync {
  lines: TillLine[]
  waitFor: (match: (line: TillLine) => boolean, timeoutMs?: number) => Promise<TillLine>
  stop: () => void
}

export function startTillSync(env: Record<string, string>): TillSync {
  const dir = process.env.E2E_TILL_SYNC
  if (!dir) throw new Error('E2E_TILL_SYNC names the built examples/till-sync (scripts/e2e.sh sets it)')
  const child: ChildProcess = spawn('node', ['dist/till-sync.js'], { cwd: dir, env: { ...process.env, ...env } })
  const lines: TillLine[] = []
  const errors: string[] = []
  let buffer = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8')
    let end: number
    while ((end = buffer.indexOf('\n')) >= 0) {
      const text = buffer.slice(0, end).trim()
      buffer = buffer.slice(end + 1)
      if (text) lines.push(JSON.parse(text) as TillLine)
    }
  })
  child.stderr?.on('data', (chunk: Buffer) => errors.push(chunk.toString('utf8')))
  return {
    lines,
    async waitFor(match, timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs
      while (Date.now() < until) {
        const found = lines.find(match)
        if (found) return found
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      throw new Error(`The till never said what was awaited. It said: ${JSON.stringify(lines)} ${errors.join('')}`)
    },
    stop: () => child.kill(),
  }
}
