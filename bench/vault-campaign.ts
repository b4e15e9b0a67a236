// The wallet guard's adversarial campaign against a real anvil chain; writes docs/vault-campaign.md.
//   node --import tsx bench/vault-campaign.ts              (10,000 episodes + a 100-request race)
//   EPISODES=300 node --import tsx bench/vault-campaign.ts
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { connectChain } from '../packages/chain/src/clients/connectChain.ts'
import { formatCampaignReport } from '../packages/vault/src/campaign/formatCampaignReport.ts'
import { runCampaign } from '../packages/vault/src/campaign/runCampaign.ts'
import { openTestAuditLog } from '../packages/vault/src/testing/openTestAuditLog.ts'

const episodes = Number(process.env.EPISODES ?? 10_000)
const seed = Number(process.env.SEED ?? 1)
const chain = await connectChain()
const log = await openTestAuditLog('bench.sextant/vault')
try {
  const report = await runCampaign({
    chain,
    episodes,
    seed,
    log,
    ...(process.env.DEADLINE ? { deadline: Date.parse(process.env.DEADLINE) } : {}),
    onProgress: (done) => {
      if (done % 500 === 0) process.stderr.write(`${done}/${episodes}\n`)
    },
  })
  const markdown = formatCampaignReport(report, {
    command: `EPISODES=${episodes} SEED=${seed}${report.episodes < episodes ? ` (stopped by DEADLINE after ${report.episodes})` : ''} node --import tsx bench/vault-campaign.ts`,
    date: new Date().toISOString().slice(0, 10),
    machine: '2-core shared dev VM',
  })
  if (process.env.WRITE !== '0')
    writeFileSync(join(import.meta.dirname, '../docs/vault-campaign.md'), markdown)
  console.log(
    JSON.stringify({
      episodes,
      unauthorized: report.unauthorized,
      findings: report.findings.length,
      seconds: Math.round(report.elapsedMs / 1000),
      auditEntries: await log.storage.size(),
    }),
  )
  process.exitCode = report.unauthorized === 0 && report.findings.length === 0 ? 0 : 1
} finally {
  await log.close()
  await chain.close()
}
