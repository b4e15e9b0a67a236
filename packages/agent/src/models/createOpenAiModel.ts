import { ModelError } from '../errors/AgentError.ts'
import type { ChatModel } from './ChatModel.ts'
import { createStreamAccumulator } from './createStreamAccumulator.ts'
import { toOpenAiBody } from './openAiWire.ts'
import { readSse } from './readSse.ts'

/** Parameters of {@link createOpenAiModel}. */
export type CreateOpenAiModelParameters = {
  /** The API root, e.g. `https://api.deepseek.com/v1`, `http://127.0.0.1:11434/v1` (Ollama). */
  baseUrl: string
  model: string
  apiKey?: string
  /** Stream the answer (server-sent events); default true. */
  stream?: boolean
  /** `gen_ai.provider.name` in the audit log (default `openai-compatible`). */
  provider?: string
  fetch?: typeof fetch
}

/**
 * A {@link ChatModel} over any OpenAI-compatible chat-completions endpoint (DeepSeek's API, llama.cpp's
 * llama-server, Ollama, vLLM, LM Studio): streaming or not, tool calls, reasoning kept apart from the answer.
 *
 * @example
 * const model = createOpenAiModel({ baseUrl: 'http://127.0.0.1:8080/v1', model: 'deepseek-r1-distill-qwen-1.5b' })
 * const { content, reasoning } = await model.complete({ messages: [{ role: 'user', content: '2+2?' }] })
 */
export function createOpenAiModel(parameters: CreateOpenAiModelParameters): ChatModel {
  const { model, apiKey, stream = true } = parameters
  const doFetch = parameters.fetch ?? fetch
  const base = parameters.baseUrl.replace(/\/+$/, '')
  let url: URL
  try {
    url = new URL(`${base}/chat/completions`)
  } catch (cause) {
    throw new ModelError('invalid model URL', { details: parameters.baseUrl, cause })
  }
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80))
  return {
    provider: parameters.provider ?? 'openai-compatible',
    model,
    serverAddress: url.hostname,
    serverPort: port,
    async complete(request, options = {}) {
      let response: Response
      try {
        response = await doFetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: stream ? 'text/event-stream' : 'application/json',
            ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
          },
          body: JSON.stringify(toOpenAiBody(model, request, stream)),
          ...(options.signal ? { signal: options.signal } : {}),
        })
      } catch (cause) {
        throw new ModelError('model endpoint unreachable', { details: url.origin, cause })
      }
      if (!response.ok) {
        const text = await response.text().catch(() => '')
        throw new ModelError(`model endpoint answered ${response.status}`, {
          details: `${url.href}: ${text.slice(0, 300)}`,
        })
      }
      const acc = createStreamAccumulator(model, options.onDelta)
      const type = response.headers.get('content-type') ?? ''
      if (stream && type.includes('text/event-stream') && response.body) {
        for await (const data of readSse(response.body)) acc.push(parseJson(data))
      } else {
        const body = parseJson(await response.text()) as {
          id?: string
          model?: string
          choices?: { message?: { [key: string]: unknown }; finish_reason?: string }[]
          usage?: object
        }
        // A complete message is one big delta.
        acc.push({
          ...body,
          choices: (body.choices ?? []).map((c) => ({
            delta: c.message ?? {},
            finish_reason: c.finish_reason ?? null,
          })),
        } as never)
      }
      return acc.result()
    },
  }
}

function parseJson(text: string): never {
  try {
    return JSON.parse(text) as never
  } catch (cause) {
    throw new ModelError('model endpoint sent malformed JSON', { details: text.slice(0, 200), cause })
  }
}
