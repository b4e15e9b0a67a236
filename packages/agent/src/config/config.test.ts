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

  it('resolves tool groups and single tools, and needs their dependencies', () => {
    expect(createToolsFromConfig(['web'], { agentId: 'a' }).map((t) => t.name)).toEqual(['web_fetch'])
    expect(() => createToolsFromConfig(['vault'], { agentId: 'a' })).toThrow(/needs a vault/)
    expect(() => createToolsFromConfig(['teleport'], { agentId: 'a' })).toThrow(/unknown tool/)
  })
})
