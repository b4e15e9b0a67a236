import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createOpenAiModel } from '@sextant/agent/models/createOpenAiModel'
import { startChatServer } from '@sextant/agent/testing/startChatServer'
import { describe, expect, it } from 'vitest'
import { runResearchExample } from './researchAgent.ts'

describe('research agent example', () => {
  it('reads on-chain data and writes a report whose figures come from the chain', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sextant-research-'))
    try {
      const outPath = join(dir, 'report.md')
      const { result, report, subject, replayOk } = await runResearchExample({ outPath })
      expect(result.status).toBe('done')
      expect(report).toContain('Wrapped Ether (WETH)')
      expect(report).toContain('total supply 3 WETH')
      expect(report).toContain(`Transaction ${subject.transaction}: 3 ETH`)
      expect(report).toContain('owns 100.0% of the supply')
      expect(readFileSync(outPath, 'utf8')).toBe(`${report}\n`)
      expect(result.payments).toEqual([])
      expect(replayOk).toBe(true)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('runs with a model behind an OpenAI-compatible endpoint', async () => {
    let n = 0
    const server = await startChatServer((body) => {
      const messages = body.messages as { role: string; content: string }[]
      const token = /token (0x[0-9a-fA-F]{40})/.exec(messages[1]!.content)![1]
      return n++ === 0
        ? {
            reasoning: 'metadata first',
            toolCalls: [{ id: 'm1', name: 'chain_token_metadata', arguments: JSON.stringify({ token }) }],
          }
        : {
            content: `<think>symbol is in the result</think>Report: ${JSON.parse(messages.at(-1)!.content).symbol}`,
          }
    })
    try {
      const { result } = await runResearchExample({
        model: createOpenAiModel({ baseUrl: server.baseUrl, model: 'deepseek-reasoner' }),
      })
      expect(result.answer).toBe('Report: WETH')
    } finally {
      await server.close()
    }
  })
})
