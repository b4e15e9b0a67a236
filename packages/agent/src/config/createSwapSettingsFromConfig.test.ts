import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createSwapSettingsFromConfig } from './createSwapSettingsFromConfig.ts'

const dir = mkdtempSync(join(tmpdir(), 'sextant-swap-config-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const weth = '0x5FbDB2315678afecb367f032d93F642f64180aa3'
const pair = '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512'
const other = '0x9FE46736679d2D9a65f0992f3aeE9fA2dd5cC62b'
const base = { allowlist: [], perTransaction: { ETH: '0.1' } }
const policy = `version: 1
tokens:
  WETH: { address: "${weth}", decimals: 18 }
limits:
  WETH: { perTx: 0.5 WETH, windowCap: 1 WETH, window: 1h }
swaps:
  WETH-VT: "${pair.toLowerCase()}"
`

describe('createSwapSettingsFromConfig', () => {
  it("takes the pairs of the vault policy's swaps (path relative to the config) and of vault.swaps, once each", () => {
    writeFileSync(join(dir, 'policy.yaml'), policy)
    const settings = createSwapSettingsFromConfig(
      { ...base, policy: 'policy.yaml', swaps: { pairs: [pair, other.toLowerCase()], slippageBps: 25 } },
      dir,
    )
    expect(settings).toEqual({
      swapPairs: [pair, other],
      swapSlippageBps: 25,
      tokens: [{ symbol: 'WETH', address: weth, decimals: 18 }],
    })
    expect(createSwapSettingsFromConfig(base, dir)).toEqual({ swapPairs: [] })
    expect(createSwapSettingsFromConfig(undefined)).toEqual({ swapPairs: [] })
  })

  it('refuses a missing or invalid policy file with the file and the bad field named', () => {
    expect(() => createSwapSettingsFromConfig({ ...base, policy: 'nope.yaml' }, dir)).toThrow(
      /cannot read the vault policy file[\s\S]*nope\.yaml/,
    )
    writeFileSync(join(dir, 'bad.yaml'), `${policy}  bad: "${weth}"\n`)
    expect(() => createSwapSettingsFromConfig({ ...base, policy: 'bad.yaml' }, dir)).toThrow(
      /invalid vault policy file[\s\S]*bad\.yaml: not a swap pair: swaps\.bad/,
    )
  })
})
