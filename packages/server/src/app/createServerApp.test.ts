import { decodeBase64 } from '@sextant/audit/encoding/decodeBase64'
import { sampleEvents } from '@sextant/audit/events/testdata/sampleEvents'
import { verifyDisclosure } from '@sextant/audit/events/verifyDisclosure'
import { openAuditLog } from '@sextant/audit/log/openAuditLog'
import { generateSignerKey } from '@sextant/audit/note/generateSignerKey'
import { verifyReceipt } from '@sextant/audit/receipt/verifyReceipt'
import { createMemoryStorage } from '@sextant/audit/storage/createMemoryStorage'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { createAuditModule } from '../audit/createAuditModule.ts'
import { type StartServerReturnType, startServer } from '../serve/startServer.ts'
import { createServerApp } from './createServerApp.ts'

const token = 'test-token-123'
const origin = 'sextant.test/server'
let server: StartServerReturnType
let log: Awaited<ReturnType<typeof openAuditLog>>
const get = async (path: string, init?: RequestInit) => fetch(new URL(path, server.url), init)

beforeAll(async () => {
  const { signerKey } = generateSignerKey({ name: origin })
  log = await openAuditLog({ storage: createMemoryStorage({ origin }), signerKey, checkpointIntervalMs: 20 })
  await log.record(sampleEvents.chat)
  await log.record(sampleEvents.tool)
  const modules = [createAuditModule({ log, tokens: [token], monitorMs: 100 })]
  server = await startServer({ server: createServerApp({ modules, tokens: [token] }), modules })
})
afterAll(async () => {
  await server?.close()
  await log?.close()
})

describe('createServerApp with the audit module', () => {
  it('binds loopback and reports its modules', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    expect(await (await get('api/health')).json()).toEqual({
      ok: true,
      modules: [{ name: 'audit', title: 'Audit log' }],
    })
  })

  it('documents every JSON route in /openapi.json, writes with bearer security', async () => {
    const doc = (await (await get('openapi.json')).json()) as {
      openapi: string
      paths: Record<string, Record<string, { security?: unknown }>>
    }
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/live',
        '/api/audit/summary',
        '/api/audit/entries/{index}',
        '/api/audit/entries/{index}/erase',
      ]),
    )
    expect(doc.paths['/api/audit/entries/{index}/erase']!.post!.security).toEqual([{ bearer: [] }])
    expect(doc.paths['/api/audit/summary']!.get!.security).toBeUndefined()
  })

  it('serves an entry with a receipt that verifies with only the public key', async () => {
    const summary = (await (await get('api/audit/summary')).json()) as { verifierKey: string; size: number }
    expect(summary.size).toBe(2)
    const body = (await (await get('api/audit/entries/1')).json()) as {
      entry: string
      receipt: string
      fields: Record<string, unknown>
    }
    expect(body.fields['gen_ai.operation.name']).toBe('execute_tool')
    const verified = verifyReceipt({
      receipt: body.receipt,
      entry: decodeBase64(body.entry)!,
      logVerifierKey: summary.verifierKey,
    })
    expect(verified.index).toBe(1)
    const tampered = decodeBase64(body.entry)!
    tampered[5]! ^= 1
    expect(() =>
      verifyReceipt({ receipt: body.receipt, entry: tampered, logVerifierKey: summary.verifierKey }),
    ).toThrow()
  })

  it('refuses writes without the token, discloses and erases with it', async () => {
    const post = (path: string, body: unknown, auth?: string) =>
      get(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
        body: JSON.stringify(body),
      })
    expect((await post('api/audit/entries/0/erase', {})).status).toBe(401)
    expect((await post('api/audit/entries/0/erase', {}, 'wrong')).status).toBe(401)
    expect((await post('api/audit/entries/9/erase', {}, token)).status).toBe(404)
    expect((await post('api/audit/entries/0/disclose', { fields: [] }, token)).status).toBe(400)
    const disclosed = await post('api/audit/entries/0/disclose', { fields: ['gen_ai.input.messages'] }, token)
    expect(disclosed.status).toBe(200)
    const disclosure = (await disclosed.json()) as { entry: string; disclosures: string[] }
    const opened = verifyDisclosure({
      entry: decodeBase64(disclosure.entry)!,
      disclosures: disclosure.disclosures,
    })
    expect(Object.keys(opened.revealed)).toEqual(['gen_ai.input.messages'])
    expect(await (await post('api/audit/entries/0/erase', {}, token)).json()).toEqual({
      index: 0,
      erased: true,
    })
    expect(
      (await post('api/audit/entries/0/disclose', { fields: ['gen_ai.input.messages'] }, token)).status,
    ).toBe(409)
    const entry = (await (await get('api/audit/entries/0')).json()) as { private: boolean }
    expect(entry.private).toBe(false)
  })

  it('pushes new entries over the /api/live WebSocket', async () => {
    const ws = new WebSocket(new URL('api/live', server.url.replace('http', 'ws')))
    const messages: { topic: string; type: string; data: { size?: number } }[] = []
    ws.on('message', (data) => messages.push(JSON.parse(String(data))))
    await new Promise((resolve) => ws.once('open', resolve))
    await new Promise((r) => setTimeout(r, 120))
    await log.record(sampleEvents.chat)
    const deadline = Date.now() + 3000
    while (
      !messages.some((m) => m.topic === 'audit' && m.type === 'entries' && m.data.size === 3) &&
      Date.now() < deadline
    ) {
      await new Promise((r) => setTimeout(r, 20))
    }
    ws.close()
    expect(messages[0]).toMatchObject({ topic: 'server', type: 'hello' })
    expect(messages.some((m) => m.topic === 'audit' && m.type === 'entries' && m.data.size === 3)).toBe(true)
  })

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await get('api/nothing')
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({ error: { code: 'not-found', message: 'no such resource' } })
  })
})
