import type { RugRisk } from '../score/RugRisk.ts'
import type { ForensicsReport } from './ForensicsReport.ts'

const pct = (x: number) => `${(x * 100).toFixed(1)}%`
const list = (wallets: readonly string[], max = 6) =>
  wallets.length === 0
    ? '—'
    : `${wallets.slice(0, max).join(', ')}${wallets.length > max ? ` … (+${wallets.length - max})` : ''}`

/**
 * The report as readable text: who is whom, the groups found, supply held over time and the rug-risk
 * score with every signal's evidence.
 *
 * @example
 * process.stdout.write(formatReport(buildReport({ events, token })))
 */
export function formatReport(report: ForensicsReport): string {
  const lines: string[] = []
  const title = report.name ? `${report.name} (${report.symbol})` : report.token
  lines.push(
    `Forensics report: ${title}`,
    `  token    ${report.token}${report.chain ? ` on ${report.chain}` : ''}`,
  )
  if (report.launch) {
    lines.push(
      `  launched block ${report.launch.block} at ${new Date(report.launch.timestamp * 1000).toISOString()} by ${report.launch.creator}`,
    )
  }
  lines.push(
    `  as of    ${new Date(report.asOf * 1000).toISOString()}: ${report.events.trades} trades, ${report.events.transfers} transfers, ${report.events.wallets} wallets`,
    '',
  )
  lines.push(...formatRisk('Rug risk now', report.risk.now))
  if (report.risk.at60s) lines.push(`  at 60 s: ${pct(report.risk.at60s.score)} (${report.risk.at60s.level})`)
  if (report.risk.at5min)
    lines.push(`  at 5 min: ${pct(report.risk.at5min.score)} (${report.risk.at5min.level})`)
  lines.push('', 'Who is whom')
  for (const [role, wallets] of Object.entries(report.roles)) {
    if (role === 'organic') lines.push(`  ${'organic'.padEnd(9)} ${wallets.length} wallet(s)`)
    else lines.push(`  ${role.padEnd(9)} ${list(wallets)}`)
  }
  if (report.insiders.length > 0) {
    lines.push('', 'Insiders (tied to the dev)')
    for (const i of report.insiders)
      lines.push(`  ${i.wallet}  ${i.hops ? `${i.hops} funding hop(s)` : `via ${i.via}`}`)
  }
  for (const c of report.cabals) {
    lines.push(
      '',
      `Cabal ${c.entity}: ${c.members.length} wallets, ${c.enteredTogether} entered together (blocks ${c.entryBlocks[0]}–${c.entryBlocks[1]})`,
      `  lead ${c.lead ?? '—'}; funded by ${list(c.funders)}`,
    )
  }
  for (const l of report.leads) {
    lines.push(
      '',
      `Lead wallet ${l.lead}: ${l.followers.length} follower(s), ${l.confirmed.length} copied its exit too`,
    )
  }
  for (const w of report.wash) {
    lines.push(
      '',
      `Wash ring ${w.entity}: ${w.wallets.length} wallet(s), ${w.buys} buys / ${w.sells} sells, ${w.internalTransfers} internal transfers, net ${w.net}`,
    )
  }
  lines.push(
    '',
    'Share of supply held',
    `  ${'t (s)'.padStart(7)}  dev    insid  bundl  snipe  cabal  wash   fresh  top10`,
  )
  for (const p of report.supply) {
    const s = p.shares
    const cells = [s.dev, s.insiders, s.bundlers, s.snipers, s.cabal, s.wash, s.fresh, s.top10].map((x) =>
      pct(x).padStart(6),
    )
    lines.push(`  ${String(p.secondsAfterLaunch).padStart(7)} ${cells.join(' ')}`)
  }
  return `${lines.join('\n')}\n`
}

function formatRisk(title: string, risk: RugRisk): string[] {
  const lines = [
    `${title}: ${pct(risk.score)} (${risk.level}); baseline top-10 share ${pct(risk.top10Share)}`,
  ]
  for (const s of risk.signals) {
    if (s.contribution === 0) continue
    lines.push(
      `  ${s.contribution >= 0 ? '+' : ''}${s.contribution.toFixed(2).padStart(6)}  ${s.name.padEnd(17)} ${s.evidence}`,
    )
  }
  return lines
}
