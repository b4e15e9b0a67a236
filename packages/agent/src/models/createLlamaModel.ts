import { basename } from 'node:path'
import { getLlama, type Llama, LlamaCompletion, type LlamaContext, type LlamaModel } from 'node-llama-cpp'
import { ModelError } from '../errors/AgentError.ts'
import type { ChatModel, ChatRequest, ChatResponse, CompleteOptions } from './ChatModel.ts'
import { parseToolCallTags } from './parseToolCallTags.ts'
import { renderChatMl } from './renderChatMl.ts'
import { splitThink } from './splitThink.ts'

/** Parameters of {@link createLlamaModel}. */
export type CreateLlamaModelParameters = {
  /** A GGUF file, e.g. DeepSeek-R1-Distill-Qwen-1.5B-Q4_K_M.gguf. */
  path: string
  /** `false` for CPU only; default `auto` (CUDA or Vulkan when present, prebuilt binaries only). */
  gpu?: false | 'auto' | 'cuda' | 'vulkan'
  contextSize?: number
  threads?: number
}

/**
 * A {@link ChatModel} running a GGUF file in-process through node-llama-cpp (llama.cpp): never builds or downloads
 * anything at run time (prebuilt binaries only). Prompts are ChatML, tools Hermes-style `<tool_call>` blocks,
 * `<think>` reasoning is split off. With a seed and the same prompt, generation is deterministic.
 *
 * @example
 * const model = createLlamaModel({ path: 'DeepSeek-R1-Distill-Qwen-1.5B-Q4_K_M.gguf' })
 * const { content, reasoning } = await model.complete({ messages: [{ role: 'user', content: '2+2?' }], seed: 1 })
 * await model.close?.()
 */
export function createLlamaModel(parameters: CreateLlamaModelParameters): ChatModel {
  let loaded: Promise<{ llama: Llama; model: LlamaModel; context: LlamaContext }> | undefined
  let calls = 0
  // One context sequence: calls take turns.
  let queue: Promise<unknown> = Promise.resolve()
  const load = () =>
    (loaded ??= (async () => {
      try {
        const llama = await getLlama({ gpu: parameters.gpu ?? 'auto', build: 'never', progressLogs: false })
        const model = await llama.loadModel({ modelPath: parameters.path })
        const context = await model.createContext({
          contextSize: parameters.contextSize ?? 2048,
          ...(parameters.threads ? { threads: parameters.threads } : {}),
        })
        return { llama, model, context }
      } catch (cause) {
        throw new ModelError('cannot load the GGUF model', { details: parameters.path, cause })
      }
    })())
  const name = basename(parameters.path).replace(/\.gguf$/i, '')
  return {
    provider: 'llama.cpp',
    model: name,
    complete(request, options = {}) {
      const run = queue.then(() => generate(request, options))
      queue = run.catch(() => {})
      return run
    },
    async close() {
      await queue
      if (!loaded) return
      const { llama, model, context } = await loaded
      await context.dispose()
      await model.dispose()
      await llama.dispose()
    },
  }
  async function generate(request: ChatRequest, options: CompleteOptions): Promise<ChatResponse> {
    const { model, context } = await load()
    const prompt = renderChatMl(request.messages, request.tools ?? [])
    const sequence = context.getSequence()
    let outputTokens = 0
    try {
      const completion = new LlamaCompletion({ contextSequence: sequence })
      const { response, metadata } = await completion.generateCompletionWithMeta(prompt, {
        maxTokens: request.maxTokens ?? 512,
        temperature: request.temperature ?? 0,
        ...(request.topP !== undefined ? { topP: request.topP } : {}),
        ...(request.seed !== undefined ? { seed: request.seed } : {}),
        customStopTriggers: ['<|im_end|>', ...(request.stop ?? [])],
        ...(options.signal ? { signal: options.signal } : {}),
        onToken: (tokens) => {
          outputTokens += tokens.length
        },
        onTextChunk: (text) => options.onDelta?.({ content: text }),
      })
      const think = splitThink(response)
      const { text, toolCalls } = parseToolCallTags(think.content, `llama_${++calls}`)
      return {
        model: name,
        content: text,
        reasoning: think.reasoning,
        toolCalls,
        finishReason:
          toolCalls.length > 0 ? 'tool_calls' : metadata.stopReason === 'maxTokens' ? 'length' : 'stop',
        usage: { inputTokens: model.tokenize(prompt).length, outputTokens },
      }
    } catch (cause) {
      if (options.signal?.aborted) throw options.signal.reason
      throw new ModelError('local generation failed', { details: parameters.path, cause })
    } finally {
      sequence.dispose()
    }
  }
}
