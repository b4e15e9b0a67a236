import type { Command } from 'commander'
import type { Hex } from 'viem'
import { printResult } from '../../output/printResult.ts'
import { runDemo } from './runDemo.ts'

/**
 * Adds `sextant demo`: the end-to-end audit-layer demo on the embedded defaults (or any RPC and key).
 *
 * @example
 * registerDemoCommand(program)
 */
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('run an agent session into the audit log, anchor it on-chain, erase, verify, and report')
    .option('--rpc-url <url>', 'use this EVM JSON-RPC instead of an embedded anvil')
    .option('--private-key <hex>', 'key for --rpc-url (or SEXTANT_PRIVATE_KEY)')
    .option('--db <url>', 'audit storage: SQLite path or postgres:// URL (default: a temp SQLite file)')
    .action(async (options: { rpcUrl?: string; privateKey?: string; db?: string }, command: Command) => {
      const json = command.optsWithGlobals().json === true
      const privateKey = (options.privateKey ?? process.env.SEXTANT_PRIVATE_KEY) as Hex | undefined
      const report = await runDemo({
        ...(options.rpcUrl ? { rpcUrl: options.rpcUrl } : {}),
        ...(privateKey ? { privateKey } : {}),
        ...(options.db ? { db: options.db } : {}),
        progress: (line) => {
          if (!json) process.stdout.write(`· ${line}\n`)
        },
      })
      printResult(command, report, () => renderReport(report))
      if (!report.ok) process.exitCode = 1
    })
}

function renderReport(r: Awaited<ReturnType<typeof runDemo>>): string {
  const v = r.verification
  return [
    '',
    `Sextant audit demo — ${r.ok ? 'ALL CHECKS PASSED' : 'VERIFICATION FAILED'} (${r.seconds} s)`,
    `  chain         ${r.chain.rpcUrl} (chain id ${r.chain.chainId}${r.chain.embedded ? ', embedded anvil' : ''})`,
    `  audit log     ${r.log.origin}: ${r.log.entries} AI events (prompts, reasoning, tool I/O committed, never in clear)`,
    `  payment       0.5 ETH to ${r.payment.to} (tx ${r.payment.tx}); a second payment to a web-sourced address denied`,
    `  anchor        size ${r.anchor.size} anchored in tx ${r.anchor.tx} (${r.anchor.gasUsed} gas) at ${r.anchor.address}`,
    `  erasure       entry ${r.erased.index}'s private data destroyed; its proof still verifies: ${r.erased.stillProvable}`,
    v.ok
      ? `  verification  from ${v.url} only: tree rebuilt from ${v.resourcesFetched} tiles/bundles, signed checkpoint, on-chain anchor consistent, ${v.receiptsVerified} receipts verified offline`
      : `  verification  FAILED: ${JSON.stringify(v.problem ?? v)}`,
    `  verifier key  ${r.log.verifierKey}`,
  ].join('\n')
}
