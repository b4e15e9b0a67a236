import { ModelError } from '../errors/AgentError.ts'

/**
 * Reads a `text/event-stream` body and yields each event's `data` (multi-line data joined with `\n`), stopping
 * at the OpenAI end marker `[DONE]`. Comments and other fields are skipped.
 *
 * @example
 * for await (const data of readSse(response.body!)) console.log(JSON.parse(data))
 */
export async function* readSse(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder()
  let buffer = ''
  let data: string[] = []
  const reader = body.getReader()
  try {
    for (;;) {
      const { value, done } = await reader.read()
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true })
      const lines = buffer.split(/\r\n|\r|\n/)
      buffer = done ? '' : (lines.pop() ?? '')
      for (const line of lines) {
        if (line === '') {
          if (data.length > 0) {
            const event = data.join('\n')
            data = []
            if (event === '[DONE]') return
            yield event
          }
        } else if (line.startsWith('data:')) data.push(line.slice(line[5] === ' ' ? 6 : 5))
      }
      if (done) break
    }
    if (data.length > 0 && data.join('\n') !== '[DONE]') yield data.join('\n')
  } catch (cause) {
    if (cause instanceof ModelError) throw cause
    throw new ModelError('event stream broke off', { cause })
  } finally {
    reader.releaseLock()
  }
}
