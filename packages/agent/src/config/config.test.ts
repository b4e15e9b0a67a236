import { describe, expect, it } from 'vitest'
import { createToolsFromConfig } from './createToolsFromConfig.ts'
import { parseAgentConfig } from './parseAgentConfig.ts'

describe('agent config', () => {
  it('reads YAML and JSON and refuses bad fields with the field named', () => {
    const yaml = parseAgentConfig(`
model: { url: "http://127.0.0.1:8080/v1", name: deepseek-r1 }
tools: [vault, chain, web]
vault:
  allowlist: ["0x70997970C51812dc3A010C7d01b50e0d17dc79C8"]
  perTransaction: { ETH: "0.5" }
budgets: { maxSteps: 6 }
`)
    expect(yaml.tools).toEqual(['vault', 'chain', 'web'])
    expect(parseAgentConfig('{"model":{"gguf":"m.gguf"},"tools":[]}').model).toEqual({ gguf: 'm.gguf' })
    expect(() => parseAgentConfig('tools: []')).toThrow(/model: required/)
    expect(() => parseAgentConfig('{"model":{"url":"ftp://x"},"tools":[]}')).toThrow(/model.url/)
    expect(() =>
      parseAgentConfig(
        '{"model":{"gguf":"m"},"tools":[],"vault":{"allowlist":["0x12"],"perTransaction":{}}}',
      ),
    ).toThrow(/vault.allowlist\[0\]/)
    expect(() => parseAgentConfig('{"model":{"gguf":"m"},"tools":[],"budgets":{"maxSteps":0}}')).toThrow(
      /budgets.maxSteps/,
    )
    expect(() => parseAgentConfig(': : :')).toThrow(/not valid JSON or YAML/)
  })

  it('reads the swap settings and names the bad one', () => {
    const pair = '0x90F79bf6EB2c4f870365E785982E1f101E93b906'
    const config = (vault: string) =>
      parseAgentConfig(
        `model: { gguf: m.gguf }\ntools: [vault]\nvault: { allowlist: [], perTransaction: { ETH: "0.1" }, ${vault} }\n`,
      )
    expect(
      config(`policy: ./policy.yaml, swaps: { pairs: ["${pair}"], slippageBps: 30 }`).vault,
    ).toMatchObject({
      policy: './policy.yaml',
      swaps: { pairs: [pair], slippageBps: 30 },
    })
    expect(() => config('swaps: { pairs: ["0x12"] }')).toThrow(/vault.swaps.pairs\[0\]: not an address/)
    expect(() => config(`swaps: { pairs: "${pair}" }`)).toThrow(/vault.swaps.pairs: expected a list/)
    expect(() => config('swaps: { slippageBps: 10000 }')).toThrow(
      /vault.swaps.slippageBps: expected an integer/,
    )
    expect(() => config('swaps: { slippageBps: 0.5 }')).toThrow(/vault.swaps.slippageBps/)
    expect(() => config('swaps: { slippage: 50 }')).toThrow(/vault.swaps.slippage: unknown setting/)
    expect(() => config('swaps: [1]')).toThrow(/vault.swaps: expected/)
    expect(() => config('policy: 7')).toThrow(/vault.policy: expected the path/)
    expect(() => config('tokens: ["WETH"]')).toThrow(/vault.tokens\[0\]: not an address/)
  })

  it('resolves tool groups and single tools, and needs their dependencies', () => {
    expect(createToolsFromConfig(['web'], { agentId: 'a' }).map((t) => t.name)).toEqual(['web_fetch'])
    expect(() => createToolsFromConfig(['vault'], { agentId: 'a' })).toThrow(/needs a vault/)
    expect(() => createToolsFromConfig(['teleport'], { agentId: 'a' })).toThrow(/unknown tool/)
  })
})
