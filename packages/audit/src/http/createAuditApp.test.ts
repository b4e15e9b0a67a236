import { describe, expect, it } from 'vitest'
import { openAuditLog } from '../log/openAuditLog.ts'
import { generateSignerKey } from '../note/generateSignerKey.ts'
import { verifyReceipt } from '../receipt/verifyReceipt.ts'
import { createMemoryStorage } from '../storage/createMemoryStorage.ts'
import { createAuditApp } from './createAuditApp.ts'

async function logWith(entries: number) {
  const origin = 'sextant.test/http'
  const { signerKey, verifierKey } = generateSignerKey({ name: origin })
  const log = await openAuditLog({
    storage: createMemoryStorage({ origin }),
    signerKey,
    checkpointIntervalMs: 0,
  })
  for (let i = 0; i < entries; i++) await log.append(new TextEncoder().encode(`entry ${i}`))
  return { log, verifierKey }
}

describe('createAuditApp', () => {
  it('serves receipts against the latest checkpoint that verify offline', async () => {
    const { log, verifierKey } = await logWith(3)
    await log.checkpoint()
    await log.append(new TextEncoder().encode('not yet checkpointed'))
    const app = createAuditApp({ log })
    const res = await app.request('/receipt/2')
    expect(res.status).toBe(200)
    const receipt = await res.text()
    expect(
      verifyReceipt({ receipt, entry: new TextEncoder().encode('entry 2'), logVerifierKey: verifierKey })
        .index,
    ).toBe(2)
    expect((await app.request('/receipt/3')).status).toBe(400)
    expect((await app.request('/receipt/x')).status).toBe(400)
    await log.close()
  })

  it('takes appends only with a valid token, and is read-only without tokens', async () => {
    const { log } = await logWith(0)
    const app = createAuditApp({ log, tokens: ['s3cret'] })
    const body = new TextEncoder().encode('hello')
    expect((await app.request('/add', { method: 'POST', body })).status).toBe(401)
    expect(
      (await app.request('/add', { method: 'POST', body, headers: { authorization: 'Bearer nope' } })).status,
    ).toBe(401)
    const ok = await app.request('/add', {
      method: 'POST',
      body,
      headers: { authorization: 'Bearer s3cret' },
    })
    expect(await ok.json()).toEqual({ index: 0 })
    expect((await createAuditApp({ log }).request('/add', { method: 'POST', body })).status).toBe(404)
    expect(await log.storage.size()).toBe(1)
    await log.close()
  })
})
