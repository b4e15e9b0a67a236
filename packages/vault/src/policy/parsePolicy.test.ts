import { iSextantGuardModuleAbi } from '@sextant/chain/generated/ISextantGuardModule'
import { encodeFunctionData, type Hex, pad, toHex } from 'viem'
import { describe, expect, it } from 'vitest'
import { PolicyError } from '../errors/VaultError.ts'
import { encodePolicy } from '../sdk/encodePolicy.ts'
import { samplePolicyYaml } from '../testing/samplePolicy.ts'
import { describePolicy } from './describePolicy.ts'
import { parseAmount } from './parseAmount.ts'
import { parseDuration } from './parseDuration.ts'
import { parsePolicy } from './parsePolicy.ts'
import { NATIVE_TOKEN } from './TokenInfo.ts'

const usdc = '0x5FbDB2315678afecb367f032d93F642f64180aa3'
const alice = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'
const bob = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC'
const pool = '0x90F79bf6EB2c4f870365E785982E1f101E93b906'
const text = samplePolicyYaml({ usdc, alice, bob, pool })

function policyError(fn: () => unknown): PolicyError {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyError)
    return error as PolicyError
  }
  throw new Error('expected a PolicyError')
}

describe('parsePolicy', () => {
  it('resolves amounts, durations, names and selectors', () => {
    const policy = parsePolicy(text)
    expect(policy.rules[0]).toEqual({
      token: NATIVE_TOKEN,
      perTxCap: 5n * 10n ** 17n,
      windowCap: 10n ** 18n,
      windowSeconds: 86_400,
      approvalThreshold: 2n * 10n ** 17n,
    })
    expect(policy.rules[1]).toMatchObject({ token: usdc, perTxCap: 100_000_000n, windowCap: 250_000_000n })
    expect(policy.recipients).toEqual([
      { name: 'alice', address: alice },
      { name: 'bob', address: bob },
    ])
    expect(policy.calls).toEqual([
      {
        target: pool,
        selector: '0x6e553f65',
        signature: 'deposit(uint256,address)',
        conditions: [
          { index: 0, op: 'lte', value: 10_000_000n },
          { index: 1, op: 'inRecipients', value: 0n },
        ],
      },
    ])
    expect(policy.sessionKey).toEqual({
      validForSeconds: 604_800,
      maxUses: 1000,
      rateLimit: { calls: 20, windowSeconds: 3_600 },
      budgets: [
        { token: NATIVE_TOKEN, amount: 10n ** 18n },
        { token: usdc, amount: 500_000_000n },
      ],
    })
    expect(policy.timelockSeconds).toBe(172_800)
  })

  it('accepts the same policy as JSON; approvalAbove defaults to never', () => {
    const json = JSON.stringify({
      version: 1,
      limits: { ETH: { perTx: '0.1 ETH', windowCap: '1 ETH', window: 3600 } },
    })
    const policy = parsePolicy(json)
    expect(policy.rules[0]).toMatchObject({
      perTxCap: 10n ** 17n,
      approvalThreshold: 10n ** 17n,
      windowSeconds: 3600,
    })
  })

  it('describes the policy in words', () => {
    const lines = describePolicy(parsePolicy(text))
    expect(lines[0]).toBe('Everything not listed below is refused.')
    expect(lines).toContain(
      'ETH: at most 0.5 ETH per payment; at most 1 ETH in any 1 day (rolling, never reset at fixed times); above 0.2 ETH an owner must co-sign. Approvals and permits count as spending.',
    )
    expect(lines).toContain(
      'Allowed: deposit(uint256,address) on 0x90F79bf6EB2c4f870365E785982E1f101E93b906 when argument 0 is at most 10000000 and argument 1 is an allowed recipient.',
    )
    expect(lines.join('\n')).toMatch(/at most 20 payments in any 1 hour, its own budget of 1 ETH, 500 USDC/)
    expect(lines.join('\n')).toMatch(/2 days wait/)
  })

  it('names the path of every bad field', () => {
    const bad = policyError(() =>
      parsePolicy('version: 1\nlimits:\n  ETH: { perTx: 1 ETH, bogus: 3 }\ncalls:\n  - target: 12\n'),
    )
    expect(bad.shortMessage).toBe('invalid policy')
    expect(bad.details).toMatch(/limits\.ETH: Unrecognized key: "bogus"/)
    expect(bad.details).toMatch(/limits\.ETH\.windowCap/)
    expect(bad.details).toMatch(/calls\[0\]\.target/)
    expect(bad.details).toMatch(/calls\[0\]\.function/)
  })

  it('refuses unknown tokens, wrong units, bad durations, unknown names and broken YAML', () => {
    const swap = (from: string, to: string) => policyError(() => parsePolicy(text.replace(from, to)))
    expect(swap('perTx: 100 USDC', 'perTx: 100 USDT').details).toMatch(
      /limits\.USDC\.perTx: "100 USDT" \(known: ETH, USDC\)/,
    )
    expect(swap('perTx: 100 USDC', 'perTx: 100 ETH').details).toMatch(/must be in USDC/)
    expect(swap('window: 24h, approvalAbove: 50', 'window: 24 hours, approvalAbove: 50').details).toMatch(
      /limits\.USDC\.window/,
    )
    expect(swap('target: "0x90F7', 'target: "pool" #').details).toMatch(/calls\[0\]\.target: "pool"/)
    expect(swap('arg: onBehalfOf', 'arg: recipient').shortMessage).toBe('unknown argument')
    expect(
      swap('deposit(uint256 amount, address onBehalfOf)', 'transfer(address to, uint256 amount)')
        .shortMessage,
    ).toBe('function cannot be allowlisted')
    expect(swap('ETH: 1 ETH, USDC', 'DAI: 1 ETH, USDC').details).toMatch(/sessionKey\.budget\.DAI/)
    expect(swap('rateLimit: 20 per 1h', 'rateLimit: 100 per 1h').shortMessage).toBe('invalid rate limit')
    expect(policyError(() => parsePolicy('version: 1\nlimits: {ETH: {perTx: [}')).shortMessage).toBe(
      'policy file is not valid YAML or JSON',
    )
    expect(policyError(() => parsePolicy('version: 2\nlimits: {}')).details).toMatch(/^version:/)
    expect(
      policyError(() =>
        parsePolicy(
          'version: 1\nlimits:\n  ETH: { perTx: 0.0000000000000000001 ETH, windowCap: 1 ETH, window: 1h }',
        ),
      ).shortMessage,
    ).toBe('too many decimals')
  })
})

describe('amounts and durations', () => {
  const tokens = [
    { symbol: 'ETH', address: NATIVE_TOKEN, decimals: 18 },
    { symbol: 'USDC', address: usdc as `0x${string}`, decimals: 6 },
  ]
  it('resolves swap pairs into a recipient plus swap(…) with to == safe and empty data', () => {
    const pair = '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0'
    const safe = '0x47c074F15330A6e8D6d6121F27D9D6d0723b0B68'
    const policy = parsePolicy(`${text}swaps:\n  USDC-WETH: "${pair.toLowerCase()}"\n`)
    expect(policy.swaps).toEqual([{ name: 'USDC-WETH', pair }])
    expect(describePolicy(policy)).toContain(
      `Swaps on Uniswap V2 pair USDC-WETH (${pair}): the token paid in counts as spending under its limits; the pair must send the output to the Safe itself, with no callback.`,
    )
    const calls = encodePolicy(policy, { safe })
    expect(calls).toContain(
      encodeFunctionData({ abi: iSextantGuardModuleAbi, functionName: 'setRecipient', args: [pair, true] }),
    )
    expect(calls.at(-1)).toBe(
      encodeFunctionData({
        abi: iSextantGuardModuleAbi,
        functionName: 'setTargetFunction',
        args: [
          pair,
          '0x022c0d9f',
          [
            { paramIndex: 2, op: 0, value: pad(safe.toLowerCase() as Hex) },
            { paramIndex: 3, op: 0, value: toHex(0x80n, { size: 32 }) },
            { paramIndex: 4, op: 0, value: toHex(0n, { size: 32 }) },
          ],
        ],
      }),
    )
    expect(policyError(() => encodePolicy(policy)).shortMessage).toBe('swaps need the Safe address')
    expect(policyError(() => parsePolicy(`${text}swaps:\n  bad: "${usdc}"\n`)).details).toMatch(
      /^swaps\.bad: /,
    )
  })

  it('parses human amounts', () => {
    expect(parseAmount('1,000.5 usdc', { tokens }).amount).toBe(1_000_500_000n)
    expect(parseAmount('0.5 ETH', { tokens }).token.symbol).toBe('ETH')
    expect(() => parseAmount('ten ETH', { tokens })).toThrow(PolicyError)
    expect(() => parseAmount('10', { tokens })).toThrow(/needs a token symbol/)
  })
  it('parses durations', () => {
    expect(parseDuration('1h30m')).toBe(5_400)
    expect(parseDuration('7d')).toBe(604_800)
    expect(parseDuration(60)).toBe(60)
    expect(() => parseDuration('1 fortnight')).toThrow(PolicyError)
    expect(() => parseDuration('-5')).toThrow(PolicyError)
  })
})

describe('published JSON Schema', () => {
  it('packages/vault/policy.schema.json is the schema the parser uses', async () => {
    const { readFileSync } = await import('node:fs')
    const { policyJsonSchema } = await import('./policyJsonSchema.ts')
    const published = JSON.parse(readFileSync(new URL('../../policy.schema.json', import.meta.url), 'utf8'))
    expect(published).toEqual(JSON.parse(JSON.stringify(policyJsonSchema())))
    expect(published.required).toEqual(['version', 'limits'])
  })
})
