import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A scripted reply of {@link startChatServer}. */
export type ScriptedReply = {
  content?: string
  /** Sent as `reasoning_content` (DeepSeek / vLLM style). */
  reasoning?: string
  toolCalls?: { id: string; name: string; arguments: string }[]
  usage?: { prompt_tokens: number; completion_tokens: number }
  /** Answer with this HTTP status and body instead. */
  status?: number
}

/** Return type of {@link startChatServer}. */
export type ChatServer = {
  baseUrl: string
  /** Every request body received, parsed. */
  requests: { [key: string]: unknown }[]
  close(): Promise<void>
}

/**
 * Starts an OpenAI-compatible chat-completions server on a free loopback port for tests and examples. Each
 * POST `/v1/chat/completions` is answered by `reply(body)`: as a JSON completion, or, when the request asks to
 * stream, as server-sent events split into small deltas (tool-call arguments in pieces), a usage chunk and
 * `[DONE]`, exactly as OpenAI's API frames them.
 *
 * @example
 * const server = await startChatServer(() => ({ content: 'hello' }))
 * const model = createOpenAiModel({ baseUrl: server.baseUrl, model: 'test' })
 */
export async function startChatServer(
  reply: (body: { [key: string]: unknown }) => ScriptedReply | Promise<ScriptedReply>,
): Promise<ChatServer> {
  const requests: { [key: string]: unknown }[] = []
  let n = 0
  const server = createServer(async (req, res) => {
    let raw = ''
    for await (const chunk of req) raw += chunk
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      res.writeHead(404).end('{"error":{"message":"not found"}}')
      return
    }
    const body = JSON.parse(raw) as { [key: string]: unknown }
    requests.push(body)
    const r = await reply(body)
    if (r.status) {
      res.writeHead(r.status, { 'content-type': 'application/json' }).end('{"error":{"message":"scripted"}}')
      return
    }
    const id = `chatcmpl-${++n}`
    const model = String(body.model)
    const created = Math.floor(Date.now() / 1000)
    const usage = { ...(r.usage ?? { prompt_tokens: 10, completion_tokens: 5 }) }
    const total = { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens }
    const finish = r.toolCalls?.length ? 'tool_calls' : 'stop'
    const toolCalls = r.toolCalls?.map((c) => ({
      id: c.id,
      type: 'function',
      function: { name: c.name, arguments: c.arguments },
    }))
    if (!body.stream) {
      const message = {
        role: 'assistant',
        content: r.content ?? null,
        ...(r.reasoning ? { reasoning_content: r.reasoning } : {}),
        ...(toolCalls ? { tool_calls: toolCalls } : {}),
        refusal: null,
      }
      const completion = {
        id,
        object: 'chat.completion',
        created,
        model,
        choices: [{ index: 0, message, finish_reason: finish, logprobs: null }],
        usage: total,
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(completion))
      return
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
    const send = (choices: unknown[], extra: object = {}) =>
      res.write(
        `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices, ...extra })}\n\n`,
      )
    const delta = (d: object, finish_reason: string | null = null) =>
      send([{ index: 0, delta: d, finish_reason, logprobs: null }])
    delta({ role: 'assistant', content: '' })
    for (const piece of pieces(r.reasoning ?? '')) delta({ reasoning_content: piece })
    for (const piece of pieces(r.content ?? '')) delta({ content: piece })
    for (const [index, c] of (r.toolCalls ?? []).entries()) {
      delta({
        tool_calls: [{ index, id: c.id, type: 'function', function: { name: c.name, arguments: '' } }],
      })
      for (const piece of pieces(c.arguments))
        delta({ tool_calls: [{ index, function: { arguments: piece } }] })
    }
    delta({}, finish)
    if ((body.stream_options as { include_usage?: boolean } | undefined)?.include_usage)
      send([], { usage: total })
    res.end('data: [DONE]\n\n')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

function pieces(text: string): string[] {
  return text.match(/[\s\S]{1,7}/g) ?? []
}
