import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { connectChain } from '@sextant/chain/clients/connectChain'
import { planMarket } from '@sextant/forensics/sim/planMarket'
import { planToEvents } from '@sextant/forensics/sim/planToEvents'
import { runMarket } from '@sextant/forensics/sim/runMarket'
import { openSqliteEventStore } from '@sextant/forensics/store/openSqliteEventStore'
import { afterAll, describe, expect, it } from 'vitest'
import { runSextant } from '../../testing/runSextant.ts'

const run = async (...args: string[]) => {
  const result = await runSextant('forensics', ...args)
  if (result.code !== 0) throw new Error(`exit ${result.code}: ${result.err}`)
  return result
}

const dir = mkdtempSync(join(tmpdir(), 'sextant-forensics-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('sextant forensics report', () => {
  it('prints the simulated cabal token as text and JSON', async () => {
    const plan = planMarket({ seed: 2, scenario: 'cabal' })
    const token = plan.tokens[0]!.address
    const text = await run('report', token, '--simulate', 'cabal', '--seed', '2')
    expect(text.out).toContain(`Forensics report: ${plan.tokens[0]!.name}`)
    expect(text.out).toMatch(/Cabal 0x[0-9a-fA-F]+: \d+ wallets/)
    expect(text.out).toContain('Rug risk now')
    const json = JSON.parse((await run('--json', 'report', token, '--simulate', 'cabal', '--seed', '2')).out)
    const lead = plan.truth.leads.find((l) => l.entity === 'cabal')!.lead
    expect(json.cabals[0].lead).toBe(lead)
    expect(json.roles.dev).toEqual([plan.tokens[0]!.creator])
    expect(json.risk.at60s.secondsAfterLaunch).toBe(60)
  })

  it('reads the event store and refuses an unknown token', async () => {
    const plan = planMarket({ seed: 3, scenario: 'hard-rug' })
    const db = join(dir, 'report.db')
    const store = await openSqliteEventStore({ path: db })
    await store.commit({ blocks: [], events: planToEvents(plan) })
    await store.close()
    const json = JSON.parse((await run('--json', 'report', plan.tokens[0]!.address, '--db', db)).out)
    expect(json.roles.bundler?.sort()).toEqual(
      Object.entries(plan.truth.roles)
        .filter(([, r]) => r === 'bundler')
        .map(([w]) => w)
        .sort(),
    )
    const unknown = await runSextant(
      'forensics',
      'report',
      '0x000000000000000000000000000000000000dEaD',
      '--db',
      db,
    )
    expect(unknown.code).toBe(1)
    expect(unknown.err).toContain('unknown token')
  })
})

describe('sextant forensics watch', () => {
  it('prints alerts for a simulated hard rug and posts them to a webhook', async () => {
    const posted: { kind: string }[] = []
    const server = createServer((req, res) => {
      let body = ''
      req.on('data', (c) => {
        body += c
      })
      req.on('end', () => {
        posted.push(JSON.parse(body))
        res.writeHead(204).end()
      })
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const { port } = server.address() as AddressInfo
    try {
      const { out, err } = await run(
        '--json',
        'watch',
        '--simulate',
        'hard-rug',
        '--seed',
        '3',
        '--webhook',
        `http://127.0.0.1:${port}/`,
      )
      const alerts = out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
      const kinds = alerts.map((a) => a.kind)
      expect(kinds).toContain('dev-selling')
      expect(kinds).toContain('insiders-selling')
      expect(posted.map((p) => p.kind)).toEqual(kinds)
      expect(err).toMatch(/watched \d+ events \(0 duplicates dropped\), \d+ alerts/)
    } finally {
      server.close()
    }
  })

  it('follows the event store once and never repeats an alert for duplicated events', async () => {
    const plan = planMarket({ seed: 4, scenario: 'slow-rug' })
    const db = join(dir, 'watch.db')
    const store = await openSqliteEventStore({ path: db })
    const events = planToEvents(plan)
    await store.commit({ blocks: [], events })
    await store.commit({ blocks: [], events: events.slice(0, 50) }) // redelivered: the store keeps one copy
    await store.close()
    const { out } = await run('watch', '--db', db, '--once', '--poll-ms', '10')
    const lines = out.trim().split('\n')
    expect(lines.some((l) => l.includes('dev-selling'))).toBe(true)
    expect(new Set(lines).size).toBe(lines.length)
  })

  it('follows the chain itself with --rpc: a hard rug played on anvil raises the dev-side alerts', async () => {
    const chain = await connectChain()
    try {
      const plan = planMarket({ seed: 5, scenario: 'hard-rug' })
      const market = await runMarket(chain, plan)
      const db = join(dir, 'rpc.db')
      const args = [
        '--rpc',
        chain.rpcUrl,
        '--launchpad',
        plan.deployment.launchpad,
        '--from',
        String(market.fromBlock),
      ]
      const { out } = await run('--json', 'watch', ...args, '--db', db, '--once')
      const alerts = out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
      const rug = alerts.find((a) => a.kind === 'dev-selling' || a.kind === 'insiders-selling')
      const launch = planToEvents(plan, market).find((e) => e.kind === 'launch')!
      expect(rug.timestamp - launch.timestamp).toBe(plan.truth.rugs[0]!.secondsAfterLaunch)
      expect(rug.tx).toMatch(/^0x[0-9a-f]{64}$/)
      expect(alerts.map((a) => a.kind)).toEqual(expect.arrayContaining(['dev-selling', 'insiders-selling']))
      // Watching again resumes from the store's cursor: the same alerts, nothing counted twice.
      const again = await run('--json', 'watch', ...args, '--db', db, '--once')
      expect(
        again.out
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l).id),
      ).toEqual(alerts.map((a) => a.id))
    } finally {
      await chain.close()
    }
  }, 120_000)
})
