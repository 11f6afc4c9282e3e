import { constants, inflateSync } from 'node:zlib'

/**
 * The text a PDF shows, read straight from its content streams: each stream inflated when
 * compressed, then the strings its text operators draw, literal "(…)" or hexadecimal "<…>".
 * Enough for the preparation list, written with PDF's standard fonts in their 8-bit encoding;
 * a PDF with embedded, re-encoded fonts would need a real PDF reader.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1')
  const texts: string[] = []
  const streamStart = /stream\r?\n/g
  for (let match = streamStart.exec(raw); match; match = streamStart.exec(raw)) {
    if (raw.slice(match.index - 3, match.index) === 'end') continue
    const start = match.index + match[0].length
    const end = raw.indexOf('endstream', start)
    if (end < 0) break
    const data = pdf.subarray(start, end)
    texts.push(drawnStrings(inflated(data)))
    streamStart.lastIndex = end + 'endstream'.length
  }
  return texts.filter(Boolean).join('\n')
}

// An uncompressed stream is returned as it is; a deflated one may carry an end of line after its data.
function inflated(data: Buffer): string {
  try {
    return inflateSync(data, { finishFlush: constants.Z_SYNC_FLUSH }).toString('latin1')
  } catch {
    return data.toString('latin1')
  }
}

/** The strings shown between BT and ET, one line per text operator. */
function drawnStrings(content: string): string {
  const lines: string[] = []
  for (const block of content.match(/BT[\s\S]*?ET/g) ?? []) {
    let line = ''
    for (let i = 0; i < block.length; i++) {
      const c = block[i]
      if (c === '(') {
        const [text, next] = literal(block, i + 1)
        line += text
        i = next
      } else if (c === '<' && block[i + 1] !== '<') {
        const close = block.indexOf('>', i)
        const hex = block.slice(i + 1, close).replace(/\s/g, '')
        line += Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex').toString('latin1')
        i = close
      } else if ((c === 'T' && (block[i + 1] === 'j' || block[i + 1] === 'J')) || c === "'" || c === '"') {
        lines.push(line)
        line = ''
      }
    }
    if (line) lines.push(line)
  }
  return lines.join('\n')
}

/** A literal string from just after its "(", with its escapes and nested parentheses; returns where it ends. */
function literal(block: string, from: number): [string, number] {
  let text = ''
  let depth = 1
  for (let i = from; i < block.length; i++) {
    const c = block[i]!
    if (c === '\\') {
      const next = block[i + 1]!
      const octal = /^[0-7]{1,3}/.exec(block.slice(i + 1, i + 4))
      if (octal) {
        text += String.fromCharCode(parseInt(octal[0], 8))
        i += octal[0].length
      } else {
        text += { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' }[next] ?? next
        i++
      }
    } else if (c === '(') {
      depth++
      text += c
    } else if (c === ')') {
      if (--depth === 0) return [text, i]
      text += c
    } else {
      text += c
    }
  }
  return [text, block.length]
}
