import { encodeFunctionData, erc20Abi } from 'viem'
import { describe, expect, it } from 'vitest'
import { encodeMultiSend } from '../decode/encodeMultiSend.ts'
import { UNLIMITED_BUDGET } from '../policy/Policy.ts'
import { NATIVE_TOKEN } from '../policy/TokenInfo.ts'
import { checkExecute } from './checkExecute.ts'
import type { ModuleSnapshot } from './ModuleSnapshot.ts'

const safe = '0x1000000000000000000000000000000000000001'
const module = '0x2000000000000000000000000000000000000002'
const usdc = '0x3000000000000000000000000000000000000003'
const alice = '0x4000000000000000000000000000000000000004'
const mallory = '0x5000000000000000000000000000000000000005'
const rule = {
  perTxCap: 100n,
  windowCap: 250n,
  approvalThreshold: 50n,
  windowSeconds: 3_600,
  windowSpent: 0n,
  ledgerInWindow: 0,
}
const snapshot = (over: Partial<ModuleSnapshot> = {}): ModuleSnapshot => ({
  now: 1_000,
  safe,
  module,
  paused: false,
  sealed: true,
  sessionKey: {
    address: alice,
    active: true,
    validAfter: 0,
    validUntil: 2_000,
    maxUses: 0,
    uses: 0,
    rateLimitCalls: 0,
    rateLimitWindow: 0,
    callsInWindow: 0,
  },
  rules: { [usdc]: rule, [NATIVE_TOKEN]: rule },
  budgets: { [usdc]: { amount: UNLIMITED_BUDGET, spent: 0n }, [NATIVE_TOKEN]: { amount: 120n, spent: 0n } },
  recipients: { [alice]: true },
  targets: {},
  ...over,
})
const pay = (to: `0x${string}`, amount: bigint) => ({
  to: usdc as `0x${string}`,
  value: 0n,
  data: encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [to, amount] }),
})
const rule_ = (r: ReturnType<typeof checkExecute>) => `${r.outcome}:${r.failure?.rule ?? ''}`

describe('checkExecute (the module checks in TypeScript)', () => {
  it('allows, asks for a co-signature, or names the failing rule', () => {
    expect(rule_(checkExecute(snapshot(), pay(alice, 40n)))).toBe('allow:')
    expect(rule_(checkExecute(snapshot(), pay(alice, 60n)))).toBe('needs-approval:CoSignatureRequired')
    expect(rule_(checkExecute(snapshot(), pay(alice, 101n)))).toBe('deny:PerTxCapExceeded')
    expect(rule_(checkExecute(snapshot(), pay(mallory, 1n)))).toBe('deny:RecipientNotAllowed')
    expect(rule_(checkExecute(snapshot({ paused: true }), pay(alice, 1n)))).toBe('deny:Paused')
    expect(rule_(checkExecute(snapshot({ now: 2_001 }), pay(alice, 1n)))).toBe(
      'deny:SessionKeyOutsideValidity',
    )
  })

  it('uses the exact rolling window, ledger capacity and the key budget', () => {
    const spent = (windowSpent: bigint, ledgerInWindow = 1) =>
      snapshot({ rules: { [usdc]: { ...rule, windowSpent, ledgerInWindow } } })
    expect(rule_(checkExecute(spent(210n), pay(alice, 40n)))).toBe('allow:')
    expect(rule_(checkExecute(spent(211n), pay(alice, 40n)))).toBe('deny:WindowCapExceeded')
    expect(rule_(checkExecute(spent(0n, 64), pay(alice, 1n)))).toBe('deny:WindowLedgerFull')
    expect(rule_(checkExecute(snapshot(), { to: alice, value: 121n, data: '0x' }))).toBe(
      'deny:PerTxCapExceeded',
    )
    expect(rule_(checkExecute(snapshot(), { to: alice, value: 99n, data: '0x' }))).toBe(
      'needs-approval:CoSignatureRequired',
    )
    const budget = snapshot({ budgets: { [NATIVE_TOKEN]: { amount: 120n, spent: 100n } } })
    expect(rule_(checkExecute(budget, { to: alice, value: 30n, data: '0x' }))).toBe('deny:KeyBudgetExceeded')
    expect(rule_(checkExecute(budget, pay(alice, 1n)))).toBe('deny:KeyBudgetExceeded') // no budget for USDC
  })

  it('sums a batch per token and refuses self-calls, delegatecalls and deep nesting', () => {
    const batch = encodeMultiSend([pay(alice, 60n), pay(alice, 50n)])
    expect(rule_(checkExecute(snapshot(), { to: mallory, value: 0n, data: batch }))).toBe(
      'deny:PerTxCapExceeded',
    )
    expect(rule_(checkExecute(snapshot(), { to: safe, value: 0n, data: batch }))).toBe('deny:SelfCallDenied')
    const delegate = encodeMultiSend([{ ...pay(alice, 1n), operation: 1 }])
    expect(rule_(checkExecute(snapshot(), { to: mallory, value: 0n, data: delegate }))).toBe(
      'deny:DelegateCallDenied',
    )
    let deep = encodeMultiSend([pay(alice, 1n)])
    for (let i = 0; i < 4; i++) deep = encodeMultiSend([{ to: mallory, value: 0n, data: deep }])
    expect(rule_(checkExecute(snapshot(), { to: mallory, value: 0n, data: deep }))).toBe('deny:BatchTooDeep')
    expect(rule_(checkExecute(snapshot(), { to: mallory, value: 0n, data: '0xdeadbeef' }))).toBe(
      'deny:TargetNotAllowed',
    )
  })
})
