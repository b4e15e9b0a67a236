import OpenAI from 'openai'
import { afterEach, describe, expect, it } from 'vitest'
import { type ChatServer, type ScriptedReply, startChatServer } from '../testing/startChatServer.ts'
import type { ChatRequest } from './ChatModel.ts'
import { createOpenAiModel } from './createOpenAiModel.ts'

let server: ChatServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const transfer = {
  id: 'call_a1',
  name: 'vault_transfer',
  arguments: '{"to":"0x70997970C51812dc3A010C7d01b50e0d17dc79C8","amount":"0.5"}',
}
const request: ChatRequest = {
  messages: [
    { role: 'system', content: 'You are a treasury agent.' },
    { role: 'user', content: 'Pay invoice 42.' },
    {
      role: 'assistant',
      content: '',
      toolCalls: [{ id: 'call_0', name: 'vault_balances', arguments: '{}' }],
    },
    { role: 'tool', toolCallId: 'call_0', name: 'vault_balances', content: '{"ETH":"2"}' },
  ],
  tools: [{ name: 'vault_transfer', description: 'pay', parameters: { type: 'object', properties: {} } }],
  temperature: 0.6,
  seed: 7,
  maxTokens: 256,
}

describe('createOpenAiModel', () => {
  for (const stream of [true, false]) {
    it(`${stream ? 'streams' : 'reads'} answers, reasoning_content and tool calls`, async () => {
      server = await startChatServer(() => ({
        reasoning: 'Invoice 42 is 0.5 ETH; balance suffices.',
        content: 'Paying now.',
        toolCalls: [transfer],
        usage: { prompt_tokens: 120, completion_tokens: 33 },
      }))
      const deltas: string[] = []
      const model = createOpenAiModel({ baseUrl: server.baseUrl, model: 'deepseek-reasoner', stream })
      const r = await model.complete(request, { onDelta: (d) => deltas.push(d.content ?? d.reasoning ?? '') })
      expect(r.content).toBe('Paying now.')
      expect(r.reasoning).toBe('Invoice 42 is 0.5 ETH; balance suffices.')
      expect(r.toolCalls).toEqual([transfer])
      expect(r.finishReason).toBe('tool_calls')
      expect(r.usage).toEqual({ inputTokens: 120, outputTokens: 33 })
      expect(deltas.join('')).toBe('Invoice 42 is 0.5 ETH; balance suffices.Paying now.')
      expect(model.serverAddress).toBe('127.0.0.1')
    })
  }

  it('splits <think> reasoning out of the text', async () => {
    server = await startChatServer(() => ({ content: '<think>\n0.5 < 1, within budget\n</think>\n\nDone.' }))
    const model = createOpenAiModel({ baseUrl: server.baseUrl, model: 'r1-distill' })
    const r = await model.complete({ messages: [{ role: 'user', content: 'x' }] })
    expect(r).toMatchObject({ content: 'Done.', reasoning: '0.5 < 1, within budget', toolCalls: [] })
  })

  it('fails with a clear error on HTTP errors and unreachable servers', async () => {
    server = await startChatServer(() => ({ status: 500 }))
    const model = createOpenAiModel({ baseUrl: server.baseUrl, model: 'm' })
    await expect(model.complete({ messages: [] })).rejects.toThrow(/answered 500/)
    const dead = createOpenAiModel({ baseUrl: 'http://127.0.0.1:1/v1', model: 'm' })
    await expect(dead.complete({ messages: [] })).rejects.toThrow(/unreachable/)
  })

  it('sends the same request body as the official openai client, and reads what it reads', async () => {
    const replies: ScriptedReply = { reasoning: 'think', content: 'ok', toolCalls: [transfer] }
    server = await startChatServer(() => replies)
    const ours = createOpenAiModel({ baseUrl: server.baseUrl, model: 'deepseek-chat', apiKey: 'sk-test' })
    const mine = await ours.complete(request)
    const client = new OpenAI({ baseURL: server.baseUrl, apiKey: 'sk-test', maxRetries: 0 })
    const official = await client.chat.completions.create({
      model: 'deepseek-chat',
      messages: [
        { role: 'system', content: 'You are a treasury agent.' },
        { role: 'user', content: 'Pay invoice 42.' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'call_0', type: 'function', function: { name: 'vault_balances', arguments: '{}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'call_0', content: '{"ETH":"2"}' },
      ],
      tools: [
        {
          type: 'function',
          function: {
            name: 'vault_transfer',
            description: 'pay',
            parameters: { type: 'object', properties: {} },
          },
        },
      ],
      temperature: 0.6,
      seed: 7,
      max_tokens: 256,
      stream: true,
      stream_options: { include_usage: true },
    })
    const contents: string[] = []
    const args: string[] = []
    let usage: OpenAI.CompletionUsage | undefined | null
    for await (const chunk of official) {
      contents.push(chunk.choices[0]?.delta.content ?? '')
      for (const t of chunk.choices[0]?.delta.tool_calls ?? []) args.push(t.function?.arguments ?? '')
      usage ??= chunk.usage
    }
    expect(server.requests[1]).toEqual(server.requests[0])
    expect(contents.join('')).toBe(mine.content)
    expect(args.join('')).toBe(mine.toolCalls[0]!.arguments)
    expect(usage?.prompt_tokens).toBe(mine.usage.inputTokens)
    // Non-streaming: the official client parses our server's completion into the same message.
    const completion = await client.chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: 'x' }],
    })
    expect(completion.choices[0]?.message.tool_calls?.[0]).toMatchObject({
      id: transfer.id,
      function: { arguments: transfer.arguments },
    })
  })
})
