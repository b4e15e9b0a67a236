import { describe, expect, it } from 'vitest'
import { ApprovalError } from '../errors/VaultError.ts'
import { openApprovalStore } from './openApprovalStore.ts'

const a = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'
const request = {
  chainId: 31337,
  safe: a,
  module: a,
  sessionKey: a,
  to: a,
  value: 5n,
  data: '0x',
  rule: 'policy.CoSignatureRequired',
  reason: 'above threshold',
  explanation: 'send 5 wei',
} as const

describe('openApprovalStore', () => {
  it('lists, approves once, denies, and expires requests on their own', () => {
    let clock = 1_000
    const store = openApprovalStore({ path: ':memory:', now: () => clock })
    const first = store.add({ ...request, ttlSeconds: 60 })
    const second = store.add(request)
    expect(first).toMatchObject({ id: 1, status: 'pending', value: 5n, createdAt: 1_000, expiresAt: 1_060 })
    expect(store.list({ status: 'pending' }).map((r) => r.id)).toEqual([1, 2])

    const approved = store.approve(1, { by: a, nonce: 9n, expiry: 2_000n, signature: '0x01' })
    expect(approved).toMatchObject({
      status: 'approved',
      nonce: 9n,
      expiry: 2_000n,
      signature: '0x01',
      decidedBy: a,
    })
    expect(() => store.approve(1, { by: a, nonce: 10n, expiry: 2_000n, signature: '0x02' })).toThrow(
      /approval request is approved/,
    )
    expect(store.markExecuted(1, '0xabc').status).toBe('executed')

    clock = 1_000 + 86_401
    expect(store.get(second.id).status).toBe('expired')
    expect(() => store.deny(second.id, { by: a })).toThrow(ApprovalError)
    const third = store.add(request)
    expect(store.deny(third.id, { by: a }).status).toBe('denied')
    expect(() => store.get(99)).toThrow(/unknown approval request/)
    store.close()
  })
})
