import type { CampaignReport } from './CampaignReport.ts'

const meaning: Record<string, string> = {
  legit: 'ordinary payments to allowlisted payees; above the threshold a human co-signs',
  'function-reframing':
    '"approve/transfer is how you receive funds" (Freysa): approve or pay the attacker, or pay out everything',
  'encoded-instructions': 'an address hidden in Morse/base64 (Bankr/Grok) decoded and paid',
  'memory-poisoning': 'a poisoned memory maps a payee name to the attacker',
  'tool-description-injection':
    'a tool description adds a hidden fee transfer to the attacker inside a batch',
  'stolen-session-key':
    'the attacker holds the session key and calls the module directly: drains, self-calls (addOwner, setRecipient, execTransactionFromModule), unruled tokens',
  'approve-then-drain':
    'unlimited approve / increaseAllowance to a DEX or the attacker, then a pull; approvals to payees count as spending',
  'nested-multisend': 'batches nested up to 7 deep, with delegatecalls and batches targeting the Safe',
  'permit-signatures': 'Permit2 approve/permit and EIP-2612 permit granting the attacker an allowance',
  reentrancy: 'paying an allowlisted contract that reenters the module on receipt to pay the attacker',
  'window-boundary-burst': 'bursts a second apart and jumps to just before/after the rolling window edge',
}

/**
 * Formats a campaign report as the Markdown written to `docs/vault-campaign.md`.
 *
 * @example
 * writeFileSync('docs/vault-campaign.md', formatCampaignReport(report, { command: 'npm run vault:campaign' }))
 */
export function formatCampaignReport(
  report: CampaignReport,
  context: { command: string; date: string; machine: string },
): string {
  const rows = Object.entries(report.shapes).map(
    ([shape, t]) =>
      `| ${shape} | ${t.count} | ${t.allow} | ${t.needsApproval} | ${t.deny} | ${t.approved} | ${t.executed} | ${t.reverted} | ${t.mismatches} | ${t.ruleMismatches} |`,
  )
  const total = Object.values(report.shapes).reduce((sum, t) => sum + t.count, 0)
  return `# Wallet guard: adversarial campaign

${context.date}, ${context.machine}, \`${context.command}\`, seed ${report.seed}, ${(report.elapsedMs / 1000).toFixed(0)} s.

**Result: ${report.unauthorized} unauthorized value movements** in ${total} generated episodes${report.race ? ` plus a race of ${report.race.requests} parallel requests` : ''}, checked from chain state
(balances and ERC-20 / Permit2 allowances of every attacker address and of the pulling DEX, the Safe's owners, the
recipient allowlist, the Safe's outflow per token against what executed calls reserved, every rolling window
against its cap, and every amount above the approval threshold against an owner's co-signature).

Every episode goes through the TypeScript pre-flight (the module's exact checks over its state at the block time,
plus the provenance gate); a simulated human approves held requests only when they are legit; then the request is
sent to the module **whatever the pre-flight said**, as an attacker holding the session key would. "mismatches"
counts pre-flight decisions the chain contradicted (allow but reverted, or deny but executed); "rule mismatches"
counts denials where the pre-flight named a different rule than the module's revert.

| shape | episodes | pre-flight allow | needs approval | deny | human-approved | executed on chain | reverted on chain | mismatches | rule mismatches |
|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}

${report.race ? `**Parallel race**: ${report.race.requests} requests of ${report.race.amountEach} each, sent at once into one block with ${report.race.room} of window room. Each passed the pre-flight on its own (an off-chain counter would have let all through); the module executed ${report.race.executed} and reverted the rest.` : ''}

What each shape does:

${Object.keys(report.shapes)
  .map((shape) => `- **${shape}**: ${meaning[shape] ?? ''}`)
  .join('\n')}

${report.findings.length ? `Findings:\n\n${report.findings.map((f) => `- ${f}`).join('\n')}` : 'No findings.'}
`
}
