import { decodeEntry } from '@sextant/audit/events/decodeEntry'
import { afterEach, describe, expect, it } from 'vitest'
import { createOpenAiModel } from '../models/createOpenAiModel.ts'
import { createScriptedModel } from '../models/createScriptedModel.ts'
import { replaySession } from '../replay/replaySession.ts'
import { openTestLog } from '../testing/openTestLog.ts'
import { startChatServer } from '../testing/startChatServer.ts'
import { createToolbox } from '../tools/createToolbox.ts'
import type { Tool } from '../tools/Tool.ts'
import { runAgent } from './runAgent.ts'

const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const close of closers.splice(0)) await close()
})
async function log() {
  const t = await openTestLog()
  closers.push(t.close)
  return t.log
}

const seen: unknown[] = []
const echo: Tool = {
  name: 'lookup_vendor',
  description: 'Find a vendor in the registry.',
  parameters: { type: 'object', properties: { vendor: { type: 'string' } }, required: ['vendor'] },
  output: 'tool',
  handler: async (args: { vendor: string }) => {
    seen.push(args)
    return { content: { vendor: args.vendor, address: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' } }
  },
}

describe('runAgent', () => {
  it('records every model call, tool call and the session in the audit log, private content sealed, and replays it', async () => {
    const audit = await log()
    const model = createScriptedModel([
      {
        reasoning: 'SECRET-REASONING: look Acme up first',
        content: 'Looking up Acme.',
        toolCalls: [{ name: 'lookup_vendor', arguments: '{"vendor":"Acme"}' }],
      },
      { content: 'Acme is at 0x7099…79C8.' },
    ])
    const result = await runAgent({
      model,
      tools: [echo],
      task: 'Where is Acme? SECRET-TASK',
      log: audit,
      agentId: 'researcher',
      request: { temperature: 0.2, seed: 3 },
    })
    expect(result).toMatchObject({ status: 'done', answer: 'Acme is at 0x7099…79C8.', steps: 2 })
    expect(result.logIndexes.length).toBe(4) // chat, execute_tool, chat, invoke_agent
    const entries = await audit.storage.readEntries(0, 4)
    const fields = entries.map((e) => {
      const d = decodeEntry(e)
      return d.kind === 'ai-event' ? d.publicFields : undefined
    })
    expect(fields.map((f) => f?.['gen_ai.operation.name'])).toEqual([
      'chat',
      'execute_tool',
      'chat',
      'invoke_agent',
    ])
    expect(fields[0]).toMatchObject({
      'gen_ai.provider.name': 'sextant.scripted',
      'gen_ai.request.temperature': 0.2,
      'gen_ai.request.seed': 3,
      'gen_ai.agent.id': 'researcher',
      'gen_ai.conversation.id': result.sessionId,
    })
    expect(fields[3]!['gen_ai.usage.input_tokens']).toBe(result.usage.inputTokens)
    const clear = new TextDecoder().decode(Buffer.concat(entries))
    expect(clear).not.toContain('SECRET')
    const chat = await audit.readEvent(0)
    expect(chat.private?.['sextant.reasoning']).toBe('SECRET-REASONING: look Acme up first')
    expect(chat.private?.['gen_ai.tool.definitions']).toBeDefined()

    const replay = await replaySession(audit, result.sessionId)
    expect(replay.problems).toEqual([])
    expect(replay).toMatchObject({ ok: true, steps: 2, toolCalls: 1, status: 'done', answer: result.answer })
    expect(replay.transcript.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'tool', 'assistant'])

    // A forged event slipped into the session is caught.
    await audit.record({
      'gen_ai.operation.name': 'execute_tool',
      'gen_ai.conversation.id': result.sessionId,
      'gen_ai.tool.call.id': 'call_forged',
      private: {},
    })
    const tampered = await replaySession(audit, result.sessionId)
    expect(tampered.ok).toBe(false)
    expect(tampered.problems.join('\n')).toMatch(/did not propose/)
    await expect(replaySession(audit, 's-missing')).rejects.toThrow(/session not found/)
  })

  it('gives a malformed tool call one repair attempt', async () => {
    seen.length = 0
    const model = createScriptedModel([
      { toolCalls: [{ name: 'lookup_vendor', arguments: '{"vendor": Acme}' }] },
      { toolCalls: [{ name: 'lookup_vendor', arguments: '{"vendor":"Acme"}' }] },
      { content: 'Found.' },
    ])
    const audit = await log()
    const result = await runAgent({ model, tools: [echo], task: 'Find Acme', log: audit })
    expect(result.status).toBe('done')
    expect(seen).toEqual([{ vendor: 'Acme' }])
    expect(result.messages[3]).toMatchObject({
      role: 'tool',
      content: expect.stringContaining('malformed tool call: arguments are not valid JSON'),
    })
    expect((await replaySession(audit, result.sessionId)).problems).toEqual([])
  })

  it('stops at the step, token and time budgets, and on cancellation', async () => {
    const forever = createScriptedModel(() => ({
      toolCalls: [{ name: 'lookup_vendor', arguments: '{"vendor":"Acme"}' }],
    }))
    const steps = await runAgent({ model: forever, tools: [echo], task: 'loop', budgets: { maxSteps: 3 } })
    expect(steps).toMatchObject({ status: 'budget', steps: 3 })
    const tokens = await runAgent({
      model: forever,
      tools: [echo],
      task: 'loop '.repeat(50),
      budgets: { maxTokens: 100 },
    })
    expect(tokens.status).toBe('budget')
    expect(tokens.reason).toMatch(/token budget/)
    const slow = createScriptedModel(() => ({ content: 'x' }))
    const sleepy = {
      ...slow,
      complete: (_r: never, o: { signal?: AbortSignal } = {}) =>
        new Promise<never>((_, reject) =>
          o.signal?.addEventListener('abort', () => reject(o.signal?.reason)),
        ),
    }
    const timed = await runAgent({ model: sleepy as never, tools: [], task: 't', budgets: { maxMs: 50 } })
    expect(timed.status).toBe('budget')
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 20)
    const cancelled = await runAgent({
      model: sleepy as never,
      tools: [],
      task: 't',
      signal: controller.signal,
    })
    expect(cancelled.status).toBe('cancelled')
  })

  it('runs against an OpenAI-compatible server and keeps tool descriptions fixed to trusted sources', async () => {
    let n = 0
    const server = await startChatServer(() =>
      n++ === 0
        ? {
            reasoning: 'need the registry',
            toolCalls: [{ id: 'c1', name: 'lookup_vendor', arguments: '{"vendor":"Acme"}' }],
          }
        : { content: '<think>done</think>Acme found.' },
    )
    closers.push(server.close)
    const model = createOpenAiModel({ baseUrl: server.baseUrl, model: 'deepseek-reasoner' })
    const result = await runAgent({
      model,
      tools: [echo],
      task: 'Find Acme',
      descriptions: { lookup_vendor: 'Operator text: vendor registry.' },
    })
    expect(result.answer).toBe('Acme found.')
    const tools = server.requests.map((r) => JSON.stringify(r.tools))
    expect(tools[0]).toContain('Operator text: vendor registry.')
    expect(tools[1]).toBe(tools[0])
    expect(() => createToolbox({ tools: [echo], descriptions: { web_fetch: 'x' } })).toThrow(/unknown tool/)
    expect(() => createToolbox({ tools: [echo, echo] })).toThrow(/duplicate/)
  })
})
