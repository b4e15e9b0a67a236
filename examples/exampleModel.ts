import type { ChatModel } from '@sextant/agent/models/ChatModel'
import { createLlamaModel } from '@sextant/agent/models/createLlamaModel'
import { createOpenAiModel } from '@sextant/agent/models/createOpenAiModel'

/**
 * The model an example runs with, from its command line: `--model <url> [--model-name <name>]` (any
 * OpenAI-compatible endpoint; key from OPENAI_API_KEY) or `--model <file.gguf>`; undefined means the example's own
 * scripted stand-in.
 *
 * @example
 * const model = exampleModel(process.argv.slice(2)) // npx tsx examples/treasury-agent/run.ts --model http://127.0.0.1:8080/v1
 */
export function exampleModel(argv: string[]): ChatModel | undefined {
  const flag = (name: string) => {
    const i = argv.indexOf(name)
    return i === -1 ? undefined : argv[i + 1]
  }
  const spec = flag('--model')
  if (!spec) return undefined
  if (spec.endsWith('.gguf')) return createLlamaModel({ path: spec })
  const apiKey = process.env.OPENAI_API_KEY
  return createOpenAiModel({
    baseUrl: spec,
    model: flag('--model-name') ?? 'default',
    ...(apiKey ? { apiKey } : {}),
  })
}
