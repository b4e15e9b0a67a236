import type { Tool } from '../Tool.ts'

/**
 * `web_fetch`: the text of a web page (first 8 KB). Its result is untrusted: anything it says, addresses and
 * amounts included, can never become a payment's recipient without an allowlist entry or a human's approval.
 *
 * @example
 * const tools = [webFetchTool()]
 */
export function webFetchTool(options: { fetch?: typeof fetch; maxBytes?: number } = {}): Tool {
  const doFetch = options.fetch ?? fetch
  return {
    name: 'web_fetch',
    description: 'Fetch a web page and return its text.',
    parameters: {
      type: 'object',
      properties: { url: { type: 'string', pattern: '^https?://' } },
      required: ['url'],
    },
    output: 'untrusted',
    handler: async (a: { url: string }, ctx) => {
      const response = await doFetch(a.url, { signal: ctx.signal })
      const text = (await response.text()).slice(0, options.maxBytes ?? 8192)
      return { content: { url: a.url, status: response.status, text } }
    },
  }
}
