import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { jetstream, jetstreamManager } from '@nats-io/jetstream'
import { connect } from '@nats-io/transport-node'
import { describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { AlertSinkError } from '../errors/AnalysisError.ts'
import type { Alert, AlertRetraction } from './Alert.ts'
import { createNatsSink } from './createNatsSink.ts'
import { createStdoutSink } from './createStdoutSink.ts'
import { createWebhookSink } from './createWebhookSink.ts'
import { createWebSocketSink } from './createWebSocketSink.ts'
import { dispatchAlerts } from './dispatchAlerts.ts'
import { retractAlert } from './retractAlert.ts'

const alert = (token = '0xToken', id = `${token}:dev-selling:start`, block = 120): Alert => ({
  type: 'alert',
  id,
  kind: 'dev-selling',
  severity: 'critical',
  token,
  message: 'the dev started selling (1 wallet(s))',
  chain: 'eip155:31337',
  block,
  timestamp: 1_800_000_120,
  tx: '0xabc',
  evidence: { seller: '0xDev', tokenAmount: '1000' },
  receivedAt: 1,
  emittedAt: 2,
})

describe('alert sinks', () => {
  it('stdout prints text or JSON lines', async () => {
    const lines: string[] = []
    await createStdoutSink({ write: (l) => lines.push(l) }).send(alert())
    await createStdoutSink({ json: true, write: (l) => lines.push(l) }).send(alert())
    expect(lines[0]).toMatch(/CRITICAL dev-selling .*0xToken block 120: the dev started selling/)
    expect(JSON.parse(lines[1]!)).toEqual(alert())
  })

  it('stdout prints a retraction as text or a JSON line', async () => {
    const lines: string[] = []
    const retraction = retractAlert(alert(), { chain: 'eip155:31337', fromBlock: 118, retractedAt: 5_000 })
    await createStdoutSink({ write: (l) => lines.push(l) }).send(retraction)
    await createStdoutSink({ json: true, write: (l) => lines.push(l) }).send(retraction)
    expect(lines[0]).toBe(
      '1970-01-01T00:00:05.000Z RETRACTED dev-selling          0xToken block 120: void: block 120 was orphaned by a reorg of eip155:31337 from block 118 (alert 0xToken:dev-selling:start)\n',
    )
    expect(JSON.parse(lines[1]!)).toEqual({
      type: 'retraction',
      alertId: '0xToken:dev-selling:start',
      kind: 'dev-selling',
      token: '0xToken',
      block: 120,
      tx: '0xabc',
      reorg: { chain: 'eip155:31337', fromBlock: 118 },
      message: 'void: block 120 was orphaned by a reorg of eip155:31337 from block 118',
      retractedAt: 5_000,
    })
  })

  it('webhook POSTs the alert as JSON and retries a failing server', async () => {
    const bodies: unknown[] = []
    let calls = 0
    const server = createServer((req, res) => {
      let body = ''
      req.on('data', (c) => {
        body += c
      })
      req.on('end', () => {
        calls++
        if (calls === 1) return void res.writeHead(500).end()
        expect(req.headers['content-type']).toBe('application/json')
        bodies.push(JSON.parse(body))
        res.writeHead(204).end()
      })
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const { port } = server.address() as AddressInfo
    try {
      await createWebhookSink({ url: `http://127.0.0.1:${port}/hook` }).send(alert())
      expect(calls).toBe(2)
      expect(bodies).toEqual([alert()])
      const down = createWebhookSink({ url: 'http://127.0.0.1:1/hook', retries: 0, timeoutMs: 500 })
      await expect(down.send(alert())).rejects.toThrow(AlertSinkError)
      expect(() => createWebhookSink({ url: 'ftp://x' })).toThrow('invalid webhook URL')
    } finally {
      server.close()
    }
  })

  it('WebSocket streams alerts to every client, filtered by ?token=', async () => {
    const sink = await createWebSocketSink({ port: 0 })
    const open = (path: string) =>
      new Promise<{ ws: WebSocket; got: unknown[] }>((resolve, reject) => {
        const ws = new WebSocket(`${sink.url}${path}`)
        const got: unknown[] = []
        ws.on('message', (m) => got.push(JSON.parse(String(m))))
        ws.on('open', () => resolve({ ws, got }))
        ws.on('error', reject)
      })
    const all = await open('/')
    const one = await open('/?token=0xOther')
    await new Promise((r) => setTimeout(r, 50))
    expect(sink.clients()).toBe(2)
    await sink.send(alert('0xToken'))
    await sink.send(alert('0xOther'))
    await sink.send(retractAlert(alert('0xOther'), { chain: 'eip155:31337', fromBlock: 120 }))
    await new Promise((r) => setTimeout(r, 100))
    const brief = (m: unknown) => `${(m as Alert).type} ${(m as Alert).token}`
    expect(all.got.map(brief)).toEqual(['alert 0xToken', 'alert 0xOther', 'retraction 0xOther'])
    expect(one.got.map(brief)).toEqual(['alert 0xOther', 'retraction 0xOther'])
    all.ws.close()
    one.ws.close()
    await sink.close()
  })

  it('one failing sink does not stop the others', async () => {
    const lines: string[] = []
    const failing = {
      name: 'bad',
      send: async () => Promise.reject(new Error('down')),
      close: async () => {},
    }
    const errors: unknown[] = []
    const failed = await dispatchAlerts({
      sinks: [failing, createStdoutSink({ write: (l) => lines.push(l) })],
      messages: [alert()],
      onError: (e) => errors.push(e),
    })
    expect(failed).toBe(1)
    expect(errors).toHaveLength(1)
    expect(lines).toHaveLength(1)
  })
})

const natsUp = await connect({ servers: '127.0.0.1:4222', timeout: 1_000 })
  .then(async (nc) => {
    await nc.close()
    return true
  })
  .catch(() => false)

describe.skipIf(!natsUp && process.env.CI !== 'true')('NATS JetStream sink', () => {
  it('publishes to forensics.alerts.<token>, once per alert, and retractions on the same subject', async () => {
    const token = `0xT${Date.now()}`
    const stream = `FORENSICS_ALERTS_TEST_${Date.now()}`
    const sink = await createNatsSink({ stream, prefix: `test${Date.now()}.alerts` })
    const subject = sink.subjectOf(token)
    const reorg = { chain: 'eip155:31337', fromBlock: 119 }
    await sink.send(alert(token))
    await sink.send(alert(token)) // the same alert again: stored once
    await sink.send(alert(token, `${token}:dev-selling:half`))
    await sink.send(retractAlert(alert(token), reorg))
    await sink.send(retractAlert(alert(token), reorg)) // re-sent: stored once
    await sink.send(alert(token, `${token}:dev-selling:start`, 125)) // raised again on the new fork
    const nc = await connect({ servers: '127.0.0.1:4222' })
    try {
      const jsm = await jetstreamManager(nc)
      const info = await jsm.streams.info(stream)
      expect(info.state.messages).toBe(4)
      const js = jetstream(nc)
      const stored = await js.streams.get(stream)
      const messages = await Promise.all([1, 2, 3, 4].map((seq) => stored.getMessage({ seq })))
      expect(messages.map((m) => m?.subject)).toEqual([subject, subject, subject, subject])
      const brief = (m: Alert | AlertRetraction) =>
        m.type === 'alert' ? `alert ${m.id} ${m.block}` : `retraction ${m.alertId} ${m.reorg.fromBlock}`
      expect(messages.map((m) => brief(m!.json<Alert | AlertRetraction>()))).toEqual([
        `alert ${token}:dev-selling:start 120`,
        `alert ${token}:dev-selling:half 120`,
        `retraction ${token}:dev-selling:start 119`,
        `alert ${token}:dev-selling:start 125`,
      ])
      await jsm.streams.delete(stream)
    } finally {
      await nc.close()
      await sink.close()
    }
  })
})
