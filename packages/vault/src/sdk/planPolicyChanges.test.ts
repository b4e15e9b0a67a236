import { iSextantGuardModuleAbi } from '@sextant/chain/generated/ISextantGuardModule'
import { type Address, decodeFunctionData, getAddress, type Hex } from 'viem'
import { describe, expect, it } from 'vitest'
import type { ReadModulePolicyReturnType } from '../chain/readModulePolicy.ts'
import type { Policy, TokenRule } from '../policy/Policy.ts'
import { swapConditions } from '../swap/swapConditions.ts'
import { encodeConditions } from './encodeConditions.ts'
import { planPolicyChanges } from './planPolicyChanges.ts'

const usdc = getAddress('0x00000000000000000000000000000000000000c0')
const dai = getAddress('0x00000000000000000000000000000000000000d0')
const pool = getAddress('0x0000000000000000000000000000000000000f00')
const alice = getAddress('0x0000000000000000000000000000000000000a11')
const bob = getAddress('0x0000000000000000000000000000000000000b0b')
const rule = (
  token: Address,
  perTxCap: bigint,
  windowCap = 1_000n,
  approvalThreshold = 50n,
  windowSeconds = 3_600,
) => ({ token, perTxCap, windowCap, approvalThreshold, windowSeconds }) satisfies TokenRule
const deposit = { target: pool, selector: '0xb6b55f25' as Hex, signature: 'deposit(uint256)' }

function policy(parts: Partial<Pick<Policy, 'rules' | 'recipients' | 'calls' | 'swaps'>>): Policy {
  return {
    tokens: [],
    rules: parts.rules ?? [],
    recipients: parts.recipients ?? [],
    calls: parts.calls ?? [],
    swaps: parts.swaps ?? [],
    sessionKey: { validForSeconds: 1, maxUses: 0, rateLimit: { calls: 0, windowSeconds: 0 }, budgets: [] },
    guardians: [],
    timelockSeconds: 1,
  }
}

const current: ReadModulePolicyReturnType = {
  rules: [rule(usdc, 100n), rule(dai, 100n)],
  recipients: [alice, bob],
  calls: [{ ...deposit, conditions: encodeConditions([{ index: 0, op: 'lte', value: 10n }]) }],
}

const decoded = (calls: Hex[]) =>
  calls.map((data) => {
    const { functionName, args } = decodeFunctionData({ abi: iSextantGuardModuleAbi, data })
    return [functionName, ...(args ?? [])]
  })

describe('planPolicyChanges', () => {
  it('plans nothing when the module already enforces the policy (addresses in any case)', () => {
    const same = policy({
      rules: [rule(usdc, 100n), rule(dai, 100n)],
      recipients: [
        { name: 'alice', address: alice.toLowerCase() as Address },
        { name: 'bob', address: bob },
      ],
      calls: [{ ...deposit, conditions: [{ index: 0, op: 'lte', value: 10n }] }],
    })
    expect(planPolicyChanges({ current, policy: same })).toEqual([])
  })

  it('removes every token rule, recipient and function the policy drops, before anything else', () => {
    const calls = planPolicyChanges({ current, policy: policy({ rules: [rule(usdc, 100n)] }) })
    expect(decoded(calls)).toEqual([
      ['removeTokenRule', dai],
      ['setRecipient', alice, false],
      ['setRecipient', bob, false],
      ['removeTargetFunction', pool, deposit.selector],
    ])
  })

  it('lowers a changed rule field-wise first, then sets the new values only where they loosen', () => {
    const next = policy({
      rules: [rule(usdc, 50n, 2_000n), rule(dai, 80n, 900n, 40n)],
      recipients: [
        { name: 'alice', address: alice },
        { name: 'bob', address: bob },
      ],
      calls: [{ ...deposit, conditions: [{ index: 0, op: 'lte', value: 10n }] }],
    })
    const { token: _u, ...lowered } = rule(usdc, 50n)
    const { token: _u2, ...raised } = rule(usdc, 50n, 2_000n)
    const { token: _d, ...daiLower } = rule(dai, 80n, 900n, 40n)
    expect(decoded(planPolicyChanges({ current, policy: next }))).toEqual([
      ['setTokenRule', usdc, lowered],
      ['setTokenRule', dai, daiLower],
      ['setTokenRule', usdc, raised],
    ])
  })

  it('keeps the window of a rule until its timelocked change, and replaces changed conditions by removal first', () => {
    const next = policy({
      rules: [rule(usdc, 100n, 1_000n, 50n, 7_200), rule(dai, 100n)],
      recipients: [
        { name: 'alice', address: alice },
        { name: 'bob', address: bob },
      ],
      calls: [{ ...deposit, conditions: [{ index: 0, op: 'lte', value: 20n }] }],
    })
    const { token: _u, ...longer } = rule(usdc, 100n, 1_000n, 50n, 7_200)
    expect(decoded(planPolicyChanges({ current, policy: next }))).toEqual([
      ['removeTargetFunction', pool, deposit.selector],
      ['setTokenRule', usdc, longer],
      ['setTargetFunction', pool, deposit.selector, encodeConditions([{ index: 0, op: 'lte', value: 20n }])],
    ])
  })

  it('adds new rules, recipients and functions', () => {
    const carol = getAddress('0x0000000000000000000000000000000000000c01')
    const next = policy({
      rules: [rule(usdc, 100n), rule(dai, 100n), rule(carol, 1n)],
      recipients: [
        { name: 'alice', address: alice },
        { name: 'bob', address: bob },
        { name: 'carol', address: carol },
      ],
      calls: [
        { ...deposit, conditions: [{ index: 0, op: 'lte', value: 10n }] },
        { target: pool, selector: '0x2e1a7d4d', signature: 'withdraw(uint256)', conditions: [] },
      ],
    })
    const { token: _c, ...carolRule } = rule(carol, 1n)
    expect(decoded(planPolicyChanges({ current, policy: next }))).toEqual([
      ['setTokenRule', carol, carolRule],
      ['setRecipient', carol, true],
      ['setTargetFunction', pool, '0x2e1a7d4d', []],
    ])
  })

  it('folds swap pairs in: a kept pair plans nothing, a dropped pair loses its recipient and its swap at once', () => {
    const pair = getAddress('0x0000000000000000000000000000000000000f01')
    const safe = getAddress('0x0000000000000000000000000000000000005afe')
    const base = {
      rules: [rule(usdc, 100n), rule(dai, 100n)],
      recipients: [
        { name: 'alice', address: alice },
        { name: 'bob', address: bob },
      ],
      calls: [{ ...deposit, conditions: [{ index: 0, op: 'lte' as const, value: 10n }] }],
    }
    const withPair = policy({ ...base, swaps: [{ name: 'WETH-VT', pair }] })
    const swapSelector = '0x022c0d9f'
    const added = decoded(planPolicyChanges({ current, policy: withPair, safe }))
    expect(added).toEqual([
      ['setRecipient', pair, true],
      ['setTargetFunction', pair, swapSelector, encodeConditions(swapConditions(safe))],
    ])
    const enforced: ReadModulePolicyReturnType = {
      ...current,
      recipients: [...current.recipients, pair],
      calls: [
        ...current.calls,
        { target: pair, selector: swapSelector, conditions: encodeConditions(swapConditions(safe)) },
      ],
    }
    expect(planPolicyChanges({ current: enforced, policy: withPair, safe })).toEqual([])
    expect(decoded(planPolicyChanges({ current: enforced, policy: policy(base), safe }))).toEqual([
      ['setRecipient', pair, false],
      ['removeTargetFunction', pair, swapSelector],
    ])
    expect(() => planPolicyChanges({ current, policy: withPair })).toThrow('swaps need the Safe address')
  })
})
