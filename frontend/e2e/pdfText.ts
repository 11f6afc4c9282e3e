import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

/**
 * The text a PDF shows, as a PDF reader extracts it: one line per page line. The preparation list
 * embeds a subset of DejaVu Sans with its own glyph codes, so only a real reader (pdf.js, through
 * the font's ToUnicode map) gives back the names it prints.
 */
export async function pdfText(pdf: Buffer): Promise<string> {
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise
  const pages: string[] = []
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent()
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : '')).join(''))
  }
  await document.destroy()
  return pages.join('\n')
}
