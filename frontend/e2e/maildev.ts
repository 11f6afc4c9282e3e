// The mail catcher the end-to-end stack starts (MailDev): its API lists what the backend sent.
const maildevUrl = (process.env.E2E_MAILDEV_URL ?? 'http://localhost:1081').replace(/\/$/, '')

export interface CaughtMail {
  subject: string
  to: { address: string }[]
  text: string
  html: string
}

/** Waits until a mail to `address` whose subject matches arrives, and returns it. */
export async function mailTo(address: string, subject: RegExp, timeoutMs = 30_000): Promise<CaughtMail> {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    const mails = (await (await fetch(`${maildevUrl}/email`)).json()) as CaughtMail[]
    const found = mails.find((mail) => mail.to.some((to) => to.address === address) && subject.test(mail.subject))
    if (found) return found
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`No mail to ${address} matching ${subject} within ${timeoutMs} ms`)
}
