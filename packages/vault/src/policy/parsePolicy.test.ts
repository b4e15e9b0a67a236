import { describe, expect, it } from 'vitest'
import { PolicyError } from '../errors/VaultError.ts'
import { samplePolicyYaml } from '../testing/samplePolicy.ts'
import { describePolicy } from './describePolicy.ts'
import { parseAmount } from './parseAmount.ts'
import { parseDuration } from './parseDuration.ts'
import { parsePolicy } from './parsePolicy.ts'
import { NATIVE_TOKEN } from './TokenInfo.ts'

const usdc = '0x5FbDB2315678afecb367f032d93F642f64180aa3'
const alice = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'
const bob = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC'
const text = samplePolicyYaml({ usdc, alice, bob })

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
    const eth = policy.rules.find((r) => r.token === NATIVE_TOKEN)!
    expect(eth).toEqual({
      token: NATIVE_TOKEN,
      perTxCap: 5n * 10n ** 17n,
      windowCap: 10n ** 18n,
      windowSeconds: 86_400,
      approvalThreshold: 2n * 10n ** 17n,
    })
    expect(policy.rules[1]).toMatchObject({ token: usdc, perTxCap: 100_000_000n, windowCap: 250_000_000n })
    expect(policy.calls.map((c) => c.selector)).toEqual(['0x', '0x', '0xa9059cbb', '0x095ea7b3'])
    expect(policy.calls[2]!.conditions).toEqual([
      { index: 0, kind: 'in', values: [BigInt(alice), BigInt(bob)] },
    ])
    expect(policy.rateLimit).toEqual({ count: 20, periodSeconds: 3_600 })
    expect(policy.sessionKey).toEqual({
      validForSeconds: 604_800,
      maxUses: 1000,
      budget: [
        { token: NATIVE_TOKEN, amount: 10n ** 18n },
        { token: usdc, amount: 500_000_000n },
      ],
    })
    expect(policy.timelockSeconds).toBe(172_800)
  })

  it('accepts the same policy as JSON', () => {
    const json = JSON.stringify({
      version: 1,
      limits: { ETH: { perTx: '0.1 ETH' } },
      calls: [{ target: alice }],
    })
    expect(parsePolicy(json).rules[0]!.perTxCap).toBe(10n ** 17n)
  })

  it('describes the policy in words', () => {
    const lines = describePolicy(parsePolicy(text))
    expect(lines[0]).toBe('Everything not listed below is refused.')
    expect(lines).toContain(
      'ETH: at most 0.5 ETH per payment; at most 1 ETH in any 1 day (rolling, not reset at fixed times); above 0.2 ETH an owner must co-sign. Approvals and permits count as spending.',
    )
    expect(lines).toContain(
      'Allowed: transfer(address,uint256) on USDC when argument 0 is one of alice, bob.',
    )
    expect(lines.join('\n')).toMatch(/2 days wait/)
  })

  it('names the path of every bad field', () => {
    const bad = policyError(() =>
      parsePolicy('version: 1\nlimits:\n  ETH: { perTx: 1 ETH, bogus: 3 }\ncalls:\n  - target: 12\n'),
    )
    expect(bad.shortMessage).toBe('invalid policy')
    expect(bad.details).toMatch(/limits\.ETH: Unrecognized key: "bogus"/)
    expect(bad.details).toMatch(/calls\[0\]\.target/)
  })

  it('refuses unknown tokens, wrong units, bad durations, unknown names and broken YAML', () => {
    expect(
      policyError(() => parsePolicy(text.replace('perTx: 100 USDC', 'perTx: 100 USDT'))).details,
    ).toMatch(/limits\.USDC\.perTx: "100 USDT" \(known: ETH, USDC\)/)
    expect(policyError(() => parsePolicy(text.replace('perTx: 100 USDC', 'perTx: 100 ETH'))).details).toMatch(
      /must be in USDC/,
    )
    expect(
      policyError(() =>
        parsePolicy(text.replace('window: 24h, approvalAbove: 50', 'window: 24 hours, approvalAbove: 50')),
      ).details,
    ).toMatch(/limits\.USDC\.window/)
    expect(policyError(() => parsePolicy(text.replace('in: [alice]', 'in: [mallory]'))).details).toMatch(
      /calls\[3\]\.conditions\[0\]\.in: "mallory"/,
    )
    expect(policyError(() => parsePolicy(text.replace('arg: spender', 'arg: recipient'))).shortMessage).toBe(
      'unknown argument',
    )
    expect(policyError(() => parsePolicy('version: 1\nlimits: {ETH: {perTx: [}')).shortMessage).toBe(
      'policy file is not valid YAML or JSON',
    )
    expect(policyError(() => parsePolicy('version: 2\nlimits: {}')).details).toMatch(/^version:/)
    expect(
      policyError(() => parsePolicy('version: 1\nlimits:\n  ETH: { perTx: 0.0000000000000000001 ETH }'))
        .shortMessage,
    ).toBe('too many decimals')
  })
})

describe('amounts and durations', () => {
  const tokens = [
    { symbol: 'ETH', address: NATIVE_TOKEN, decimals: 18 },
    { symbol: 'USDC', address: usdc as `0x${string}`, decimals: 6 },
  ]
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
