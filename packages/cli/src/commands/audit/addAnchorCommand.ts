import { anchorCheckpoint } from '@sextant/audit/anchor/anchorCheckpoint'
import { deployCheckpointAnchor } from '@sextant/audit/anchor/deployCheckpointAnchor'
import { logIdOf } from '@sextant/audit/anchor/logIdOf'
import { readAnchoredCheckpoint } from '@sextant/audit/anchor/readAnchoredCheckpoint'
import { registerLog } from '@sextant/audit/anchor/registerLog'
import { parseCheckpoint } from '@sextant/audit/checkpoint/parseCheckpoint'
import { parseNote } from '@sextant/audit/note/parseNote'
import { connectChain } from '@sextant/chain/clients/connectChain'
import type { Command } from 'commander'
import type { Address, Hex } from 'viem'
import { CliError } from '../../errors/CliError.ts'
import { printResult } from '../../output/printResult.ts'
import { type AuditOptions, withAuditOptions, withLog } from './auditContext.ts'

/**
 * Adds `sextant audit anchor`: signs a checkpoint and anchors it on any EVM chain with its consistency proof
 * from the last anchored one (deploying the anchor contract and registering the log on first use).
 *
 * @example
 * addAnchorCommand(audit)
 */
export function addAnchorCommand(audit: Command): void {
  withAuditOptions(audit.command('anchor'))
    .description('anchor the latest checkpoint on-chain (the contract accepts only a consistent extension)')
    .requiredOption('--rpc-url <url>', 'EVM JSON-RPC URL (e.g. `sextant chain start`, a testnet)')
    .option('--private-key <hex>', 'signing key (or SEXTANT_PRIVATE_KEY)')
    .option('--anchor <address>', 'CheckpointAnchor address (deployed when omitted)')
    .action(
      async (
        options: AuditOptions & { rpcUrl: string; privateKey?: string; anchor?: Address },
        command: Command,
      ) => {
        const privateKey = (options.privateKey ?? process.env.SEXTANT_PRIVATE_KEY) as Hex | undefined
        if (!privateKey)
          throw new CliError('a private key is required', { details: '--private-key or SEXTANT_PRIVATE_KEY' })
        const chain = await connectChain({ rpcUrl: options.rpcUrl, privateKey })
        try {
          const result = await withLog(options, async (log) => {
            const { note } = await log.checkpoint()
            const { size, rootHash } = parseCheckpoint(parseNote(note).text)
            const anchor = options.anchor ?? (await deployCheckpointAnchor(chain))
            const logId = logIdOf({ operator: chain.account.address, origin: log.origin })
            const known = await readAnchoredCheckpoint(chain, { anchor, logId }).then(
              () => true,
              () => false,
            )
            if (!known) await registerLog(chain, { anchor, origin: log.origin })
            const anchored = await anchorCheckpoint(chain, log.storage, { anchor, logId, size, rootHash })
            return {
              anchor,
              logId,
              size,
              tx: anchored.hash,
              gasUsed: anchored.gasUsed,
              previousSize: anchored.previousSize,
            }
          })
          printResult(
            command,
            result,
            () =>
              `anchored size ${result.size} (from ${result.previousSize}) at ${result.anchor} in ${result.tx} (${result.gasUsed} gas)`,
          )
        } finally {
          await chain.close()
        }
      },
    )
}
