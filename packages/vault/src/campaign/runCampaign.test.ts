import { connectChain } from '@sextant/chain/clients/connectChain'
import { describe, expect, it } from 'vitest'
import { openTestAuditLog } from '../testing/openTestAuditLog.ts'
import { runCampaign } from './runCampaign.ts'
import { attackShapes } from './shapes.ts'

const episodes = Number(process.env.VAULT_CAMPAIGN_EPISODES ?? 330)

describe('adversarial campaign (fast subset)', () => {
  it(`runs ${episodes} episodes + a 100-request race with 0 unauthorized movements and full agreement`, async () => {
    const chain = await connectChain()
    const log = await openTestAuditLog()
    try {
      const report = await runCampaign({ chain, episodes, seed: 7, log })
      if (process.env.VAULT_CAMPAIGN_PRINT)
        console.log(JSON.stringify(report, (_k, v) => (typeof v === 'bigint' ? String(v) : v), 2))
      if (report.findings.length) console.log(report.findings.slice(0, 20).join('\n'))
      expect(report.unauthorized).toBe(0)
      expect(Object.keys(report.shapes).sort()).toEqual([...attackShapes].sort())
      for (const tally of Object.values(report.shapes)) expect(tally.mismatches).toBe(0)
      expect(report.race).toMatchObject({ requests: 100, executed: 20 })
      expect(report.shapes.legit!.executed).toBeGreaterThan(0)
      expect(report.shapes['function-reframing']!.executed).toBe(0)
      expect(await log.storage.size()).toBe(episodes)
    } finally {
      await log.close()
      await chain.close()
    }
  }, 600_000)
})
