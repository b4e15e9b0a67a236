import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { tinyLlama } from '../gguf/ModelShape.ts'
import { writeRandomModel } from '../gguf/writeRandomModel.ts'
import { createLlamaModel } from './createLlamaModel.ts'
import { parseToolCallTags } from './parseToolCallTags.ts'
import { renderChatMl } from './renderChatMl.ts'

const dir = mkdtempSync(join(tmpdir(), 'sextant-llama-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('createLlamaModel (node-llama-cpp, in-process)', () => {
  it('loads a generated random-weight GGUF and generates deterministically for a fixed seed', async () => {
    const path = join(dir, 'tiny.gguf')
    const bytes = writeRandomModel({ path, shape: tinyLlama, type: 'F16', seed: 3 })
    expect(statSync(path).size).toBe(bytes)
    expect(bytes / 1e6).toBeGreaterThan(1.5)
    expect(bytes / 1e6).toBeLessThan(2)
    const model = createLlamaModel({ path, gpu: false, contextSize: 512, threads: 1 })
    try {
      const request = {
        messages: [{ role: 'user' as const, content: 'Pay invoice 42 from the treasury.' }],
        maxTokens: 24,
        temperature: 0.9,
      }
      const a = await model.complete({ ...request, seed: 42 })
      const b = await model.complete({ ...request, seed: 42 })
      expect(a.usage.outputTokens).toBeGreaterThan(0)
      expect(a.usage.inputTokens).toBeGreaterThan(10)
      expect(a.content.length).toBeGreaterThan(0)
      expect(b.content).toBe(a.content)
      const others = await Promise.all(
        [7, 8, 9].map(async (seed) => (await model.complete({ ...request, seed })).content),
      )
      expect(others.some((c) => c !== a.content)).toBe(true)
      expect(model.provider).toBe('llama.cpp')
    } finally {
      await model.close?.()
    }
  })

  it('fails clearly on a missing file', async () => {
    const model = createLlamaModel({ path: join(dir, 'missing.gguf'), gpu: false })
    await expect(model.complete({ messages: [{ role: 'user', content: 'x' }] })).rejects.toThrow(
      /cannot load the GGUF model/,
    )
  })

  it('renders ChatML with tools and parses Hermes tool-call tags, keeping malformed ones', () => {
    const prompt = renderChatMl(
      [
        { role: 'system', content: 'You pay invoices.' },
        { role: 'user', content: 'pay' },
        { role: 'assistant', content: '', toolCalls: [{ id: 'c', name: 'vault_balances', arguments: '{}' }] },
        { role: 'tool', toolCallId: 'c', name: 'vault_balances', content: '{"ETH":"1"}' },
      ],
      [{ name: 'vault_balances', description: 'balances', parameters: { type: 'object' } }],
    )
    expect(prompt).toContain('<tools>')
    expect(prompt).toContain('<tool_call>{"name": "vault_balances", "arguments": {}}</tool_call>')
    expect(prompt).toContain('<tool_response>\n{"ETH":"1"}\n</tool_response>')
    expect(prompt.endsWith('<|im_start|>assistant\n')).toBe(true)
    const parsed = parseToolCallTags(
      'Paying. <tool_call>{"name":"vault_transfer","arguments":{"to":"0x1"}}</tool_call><tool_call>{"name": "x", oops</tool_call>',
      's1',
    )
    expect(parsed.text).toBe('Paying.')
    expect(parsed.toolCalls).toEqual([
      { id: 's1_0', name: 'vault_transfer', arguments: '{"to":"0x1"}' },
      { id: 's1_1', name: 'x', arguments: '{"name": "x", oops' },
    ])
  })
})
