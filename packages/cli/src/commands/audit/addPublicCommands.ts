import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { createAuditApp } from '@sextant/audit/http/createAuditApp'
import { createLogClient } from '@sextant/audit/http/createLogClient'
import { serve } from '@sextant/audit/http/serve'
import { openAuditLog } from '@sextant/audit/log/openAuditLog'
import { parseVerifierKey } from '@sextant/audit/note/parseVerifierKey'
import { openStorage } from '@sextant/audit/storage/openStorage'
import { createCheckpointVerifier } from '@sextant/audit/verify/createCheckpointVerifier'
import { monitorLog } from '@sextant/audit/verify/monitorLog'
import { verifyLog } from '@sextant/audit/verify/verifyLog'
import type { Command } from 'commander'
import { printResult } from '../../output/printResult.ts'
import { type AuditOptions, readLogKey, withAuditOptions } from './auditContext.ts'
import { type AnchorOptions, chainAnchors } from './chainAnchors.ts'

const withAnchorOptions = (command: Command) =>
  command
    .option('--rpc-url <url>', 'EVM JSON-RPC to read the on-chain anchor from')
    .option('--anchor <address>', 'CheckpointAnchor contract address')
    .option('--operator <address>', 'the address that registered the log with the anchor')

const untilInterrupted = () =>
  new Promise<void>((resolve) => {
    process.once('SIGINT', resolve)
    process.once('SIGTERM', resolve)
  })

/**
 * Adds the `sextant audit` commands that face the public: `serve` (tlog-tiles HTTP API), `verify` (rebuild a
 * log from its public data and the chain) and `monitor` (follow a log, alert on split views).
 *
 * @example
 * addPublicCommands(audit)
 */
export function addPublicCommands(audit: Command): void {
  withAuditOptions(audit.command('serve'))
    .description(
      'serve the log over HTTP: tlog-tiles reads, proofs, receipts, token-gated appends (127.0.0.1)',
    )
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--port <port>', 'port (0 = any free port)', '8080')
    .option('--token <token>', 'bearer token for POST /add (or SEXTANT_AUDIT_TOKEN; generated if neither)')
    .option('--checkpoint-interval <ms>', 'sign a checkpoint this often while the log grows', '250')
    .action(
      async (
        options: AuditOptions & { host: string; port: string; token?: string; checkpointInterval: string },
        command: Command,
      ) => {
        const storage = await openStorage({
          url: options.db ?? join(options.dataDir, 'audit.db'),
          origin: options.origin,
        })
        const log = await openAuditLog({
          storage,
          signerKey: readLogKey(options),
          checkpointIntervalMs: Number(options.checkpointInterval),
        })
        const token =
          options.token ?? process.env.SEXTANT_AUDIT_TOKEN ?? randomBytes(24).toString('base64url')
        const server = await serve({
          app: createAuditApp({ log, tokens: [token] }),
          host: options.host,
          port: Number(options.port),
        })
        printResult(
          command,
          { url: server.url, origin: log.origin, verifierKey: log.verifierKey, token },
          () =>
            [
              `serving ${log.origin} at ${server.url}`,
              `verifier key: ${log.verifierKey}`,
              `append token: ${token}`,
              'Ctrl-C to stop',
            ].join('\n'),
        )
        await untilInterrupted()
        await server.close()
        await log.close()
      },
    )

  withAnchorOptions(audit.command('verify <url>'))
    .description("verify a whole log from its public data only (tiles, checkpoint, the chain's anchor)")
    .requiredOption('--key <verifierKey>', "the log's verifier key")
    .action(async (url: string, options: AnchorOptions & { key: string }, command: Command) => {
      const origin = parseVerifierKey(options.key).name
      const anchors = await chainAnchors(options, origin)
      const result = await verifyLog({
        url,
        verifyCheckpoint: createCheckpointVerifier({ verifierKeys: [options.key] }),
        anchors,
      })
      const out = result.ok
        ? { ok: true, size: result.size, fetched: result.fetched, anchorsChecked: anchors.length }
        : { ok: false, problem: result.problem }
      printResult(command, out, () =>
        result.ok
          ? `log verified: ${result.size} entries, ${result.fetched} resources, ${anchors.length} on-chain anchor(s) consistent`
          : `VERIFICATION FAILED: ${result.problem.kind}${result.problem.index !== undefined ? ` at index ${result.problem.index}` : ''}: ${result.problem.message}`,
      )
      if (!result.ok) process.exitCode = 1
    })

  withAnchorOptions(audit.command('monitor <url>'))
    .description(
      'follow a log and alert on split views, inconsistent or rolled-back checkpoints, anchor mismatches',
    )
    .requiredOption('--key <verifierKey>', "the log's verifier key")
    .option('--witness <url...>', "witnesses' checkpoint URLs to compare with the log's")
    .option('--interval <ms>', 'poll interval', '5000')
    .action(
      async (
        url: string,
        options: AnchorOptions & { key: string; witness?: string[]; interval: string },
        command: Command,
      ) => {
        const origin = parseVerifierKey(options.key).name
        const stop = new AbortController()
        process.once('SIGINT', () => stop.abort())
        const events = monitorLog({
          log: createLogClient({ url }),
          verifyCheckpoint: createCheckpointVerifier({ verifierKeys: [options.key] }),
          sources: (options.witness ?? []).map((w) => ({
            name: w,
            checkpoint: async () => (await fetch(w)).text(),
          })),
          anchors: () => chainAnchors(options, origin),
          interval: Number(options.interval),
          signal: stop.signal,
        })
        for await (const event of events) {
          const line =
            event.type === 'checkpoint'
              ? { type: event.type, source: event.source, size: event.size }
              : { ...event, error: undefined }
          printResult(command, line, () =>
            event.type === 'checkpoint'
              ? `checkpoint ${event.size} from ${event.source}`
              : `${event.type.toUpperCase()} ${'kind' in event ? event.kind : ''} ${event.message}`,
          )
          if (event.type === 'alert') process.exitCode = 3
        }
      },
    )
}
