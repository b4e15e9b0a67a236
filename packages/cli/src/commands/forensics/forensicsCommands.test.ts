import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { connectChain } from '@sextant/chain/clients/connectChain'
import { planMarket } from '@sextant/forensics/sim/planMarket'
import { planToEvents } from '@sextant/forensics/sim/planToEvents'
import { runMarket } from '@sextant/forensics/sim/runMarket'
import { openSqliteEventStore } from '@sextant/forensics/store/openSqliteEventStore'
import { afterAll, describe, expect, it } from 'vitest'
import { runSextant } from '../../testing/runSextant.ts'

const dir = mkdtempSync(join(tmpdir(), 'fx-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('sextant forensics', () => {
  it('simulate runs a market on the embedded anvil, stores its events and writes the ground truth', async () => {
    const db = join(dir, 'sim.db')
    const truth = join(dir, 'truth.json')
    const { code, out } = await runSextant(
      'forensics',
      'simulate',
      '--seed',
      '4',
      '--scenario',
      'cabal',
      '--db',
      db,
      '--truth',
      truth,
      '--json',
    )
    expect(code).toBe(0)
    const result = JSON.parse(out)
    const plan = planMarket({ seed: 4, scenario: 'cabal' })
    expect(result.events).toBe(planToEvents(plan).length)
    const file = JSON.parse(readFileSync(truth, 'utf8'))
    expect(file.rugs[0]).toEqual(plan.truth.rugs[0])
    expect(file.roles).toEqual(plan.truth.roles)
    expect(file.blocks.from).toBe(plan.origin.block)
    const store = await openSqliteEventStore({ path: db })
    expect(await store.countEvents({ kinds: ['trade'] })).toBe(
      planToEvents(plan).filter((e) => e.kind === 'trade').length,
    )
    await store.close()
  }, 120_000)

  it('simulate --dry stores the planned events without a chain; bad options are usage errors', async () => {
    const db = join(dir, 'dry.db')
    const { code, out } = await runSextant(
      'forensics',
      'simulate',
      '--seed',
      '2',
      '--scenario',
      'wash',
      '--dry',
      '--db',
      db,
    )
    expect(code).toBe(0)
    expect(out).toMatch(/wash market, seed 2/)
    expect(
      (await runSextant('forensics', 'simulate', '--seed', '-1', '--scenario', 'wash', '--dry')).code,
    ).toBe(2)
    expect(
      (await runSextant('forensics', 'simulate', '--seed', '1', '--scenario', 'moon', '--dry')).code,
    ).toBe(2)
  })

  it('ingest backfills a launchpad from an RPC into the store, idempotently', async () => {
    const chain = await connectChain()
    try {
      const plan = planMarket({ seed: 5, scenario: 'hard-rug' })
      const run = await runMarket(chain, plan)
      const db = join(dir, 'ingest.db')
      const args = [
        'forensics',
        'ingest',
        '--rpc',
        chain.rpcUrl,
        '--launchpad',
        plan.deployment.launchpad,
        '--db',
        db,
        '--from',
        String(run.fromBlock),
        '--json',
      ]
      const first = await runSextant(...args)
      expect(first.code).toBe(0)
      expect(JSON.parse(first.out)).toMatchObject({
        inserted: planToEvents(plan, run).length,
        cursor: { block: run.toBlock },
      })
      const second = await runSextant(...args)
      expect(JSON.parse(second.out).inserted).toBe(0)
      const bad = await runSextant(
        'forensics',
        'ingest',
        '--rpc',
        chain.rpcUrl,
        '--launchpad',
        '0x1234',
        '--db',
        db,
      )
      expect(bad.code).toBe(2)
    } finally {
      await chain.close()
    }
  }, 120_000)
})
