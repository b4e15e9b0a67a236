import type { ApprovalRequest } from '@sextant/vault/approvals/ApprovalRequest'
import type { Provenance } from '@sextant/vault/provenance/Provenance'
import { approve } from '@sextant/vault/sdk/approve'
import { deny } from '@sextant/vault/sdk/deny'
import { execute } from '@sextant/vault/sdk/execute'
import type { PaymentRequest } from '@sextant/vault/sdk/PaymentRequest'
import { propose } from '@sextant/vault/sdk/propose'
import type { Command } from 'commander'
import { getAddress, type Hex, isHex, parseEther } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { CliError } from '../../errors/CliError.ts'
import { printResult } from '../../output/printResult.ts'
import {
  connectFromOptions,
  loadVault,
  maybeOpenLog,
  openStore,
  parseKey,
  type VaultOptions,
  withVaultOptions,
} from './vaultContext.ts'

type RequestOptions = VaultOptions & {
  to: string
  value?: string
  data?: string
  provenance?: string
  sessionKey: string
  approval?: number
}

const withRequest = (command: Command) =>
  withVaultOptions(command)
    .requiredOption('--to <address>', 'target of the call (recipient or token contract)')
    .option('--value <amount>', 'native value: wei, or "0.1 ETH"', '0')
    .option('--data <hex>', 'calldata', '0x')
    .option('--provenance <json>', 'where values came from, e.g. {"recipient":"untrusted","amount":"user"}')
    .requiredOption('--session-key <hex>', "the agent's session key (private key)")

function parseRequest(options: RequestOptions): PaymentRequest {
  let to: `0x${string}`
  try {
    to = getAddress(options.to)
  } catch (cause) {
    throw new CliError('invalid --to', { details: options.to, cause })
  }
  const text = (options.value ?? '0').trim()
  const value = /^\d+$/.test(text)
    ? BigInt(text)
    : /^[\d.]+\s*ETH$/i.test(text)
      ? parseEther(text.replace(/\s*ETH$/i, ''))
      : undefined
  if (value === undefined)
    throw new CliError('invalid --value', { details: `${text} (wei, or e.g. "0.1 ETH")` })
  const data = (options.data ?? '0x') as Hex
  if (!isHex(data) || data.length % 2 !== 0)
    throw new CliError('invalid --data', { details: 'expected 0x-prefixed hex bytes' })
  let provenance: Provenance | undefined
  if (options.provenance) {
    try {
      provenance = JSON.parse(options.provenance) as Provenance
    } catch (cause) {
      throw new CliError('invalid --provenance', { details: 'expected JSON', cause })
    }
  }
  return { to, value, data, ...(provenance ? { provenance } : {}) }
}

const describe = (r: ApprovalRequest) =>
  `#${r.id} ${r.status.padEnd(8)} ${r.explanation} — ${r.reason} (expires ${new Date(r.expiresAt * 1000).toISOString()})`

/**
 * Adds `sextant vault propose | execute | approvals | approve | deny`.
 *
 * @example
 * addVaultPaymentCommands(vault)
 */
export function addVaultPaymentCommands(vault: Command): void {
  withRequest(vault.command('propose'))
    .description(
      'pre-flight a payment (decode, policy, provenance, simulation) without sending; held ones are queued',
    )
    .action(async (options: RequestOptions, command: Command) => {
      const request = parseRequest(options)
      const sessionKey = privateKeyToAccount(parseKey(options.sessionKey, 'session key')).address
      const [saved, store, log, chain] = [
        loadVault(options),
        openStore(options),
        await maybeOpenLog(options),
        await connectFromOptions(options),
      ]
      try {
        const result = await propose(chain, {
          vault: saved,
          sessionKey,
          request,
          store,
          ...(log ? { log } : {}),
        })
        const d = result.decision
        printResult(
          command,
          result,
          () =>
            `${d.decision}: ${d.reason} [${d.rule}]${result.approvalId ? `\nqueued for approval as #${result.approvalId}` : ''}\n${d.call.explanation}`,
        )
        if (d.decision === 'deny') process.exitCode = 1
      } finally {
        store.close()
        await log?.close()
        await chain.close()
      }
    })

  withRequest(vault.command('execute'))
    .description('run a payment through the guard (denied ones are refused; held ones wait for an owner)')
    .option('--approval <id>', 'run an approved request with its owner co-signature', Number)
    .action(async (options: RequestOptions, command: Command) => {
      const request = parseRequest(options)
      const sessionKey = privateKeyToAccount(parseKey(options.sessionKey, 'session key'))
      const [saved, store, log, chain] = [
        loadVault(options),
        openStore(options),
        await maybeOpenLog(options),
        await connectFromOptions(options),
      ]
      try {
        const result = await execute(chain, {
          vault: saved,
          sessionKey,
          request,
          store,
          ...(log ? { log } : {}),
          ...(options.approval ? { approvalId: options.approval } : {}),
        })
        const d = result.decision
        printResult(
          command,
          result,
          () =>
            ({
              executed: `executed ${d.call.explanation} (${result.txHash})`,
              'needs-approval': `held for an owner as #${result.approvalId}: ${d.reason} [${d.rule}]`,
              denied: `denied: ${d.reason} [${d.rule}]`,
              reverted: `reverted on chain: ${result.revert}`,
            })[result.status],
        )
        if (result.status === 'denied' || result.status === 'reverted') process.exitCode = 1
      } finally {
        store.close()
        await log?.close()
        await chain.close()
      }
    })

  withVaultOptions(vault.command('approvals'))
    .description('list payments waiting for an owner (and past decisions with --all)')
    .option('--all', 'every request, not only pending ones')
    .action(async (options: VaultOptions & { all?: boolean }, command: Command) => {
      const store = openStore(options)
      try {
        const list = store.list(options.all ? {} : { status: 'pending' })
        printResult(command, list, () =>
          list.length ? list.map(describe).join('\n') : 'no pending approvals',
        )
      } finally {
        store.close()
      }
    })

  withVaultOptions(vault.command('approve'))
    .description('approve a held payment with an owner key (signs the intent-bound co-signature)')
    .argument('<id>', 'request number', Number)
    .requiredOption('--owner-key <hex>', 'a Safe owner')
    .action(async (id: number, options: VaultOptions & { ownerKey: string }, command: Command) => {
      const owner = privateKeyToAccount(parseKey(options.ownerKey, 'owner key'))
      const [store, chain] = [openStore(options), await connectFromOptions(options)]
      try {
        const approved = await approve(chain, { store, id, owner })
        printResult(
          command,
          approved,
          () => `approved ${describe(approved)}\nrun it: sextant vault execute … --approval ${id}`,
        )
      } finally {
        store.close()
        await chain.close()
      }
    })

  withVaultOptions(vault.command('deny'))
    .description('refuse a held payment')
    .argument('<id>', 'request number', Number)
    .requiredOption('--by <address>', 'who refuses (recorded)')
    .action(async (id: number, options: VaultOptions & { by: string }, command: Command) => {
      const store = openStore(options)
      try {
        const denied = deny({ store, id, by: getAddress(options.by) })
        printResult(command, denied, () => `denied ${describe(denied)}`)
      } finally {
        store.close()
      }
    })
}
