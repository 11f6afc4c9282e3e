/**
 * Hands a file to the browser as a download. Exports are fetched with the bearer token, which
 * a plain link cannot carry, so the file arrives as a Blob first.
 */
export function saveDownload(file: Blob, fileName: string): void {
  const url = URL.createObjectURL(file)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  // The browser has taken the file once click() returns; the address only holds memory.
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
