import { encodeBase64 } from '@sextant/audit/encoding/encodeBase64'
import type { AiEvent } from '@sextant/audit/events/AiEvent'
import { generateSignerKey } from '@sextant/audit/note/generateSignerKey'
import type { Command } from 'commander'
import { CliError } from '../../errors/CliError.ts'
import { printResult } from '../../output/printResult.ts'
import { type AuditOptions, withAuditOptions, withLog, writeLogKey } from './auditContext.ts'
import { readInput } from './readInput.ts'

const parseIndex = (value: string): number => {
  const n = Number(value)
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n))
    throw new CliError('not an entry index', { details: value })
  return n
}

/**
 * Adds the `sextant audit` commands that work on the local log: init, append, record, checkpoint, receipt,
 * show, disclose, erase.
 *
 * @example
 * addLocalCommands(program.command('audit'))
 */
export function addLocalCommands(audit: Command): void {
  withAuditOptions(audit.command('init'))
    .description("create the log's Ed25519 signing key and print its public verifier key")
    .action((options: AuditOptions, command: Command) => {
      const { signerKey, verifierKey } = generateSignerKey({ name: options.origin })
      const keyFile = writeLogKey(options, signerKey)
      printResult(command, { origin: options.origin, verifierKey, keyFile }, () =>
        [
          `log ${options.origin} initialised`,
          `verifier key: ${verifierKey}`,
          `signing key:  ${keyFile} (keep it secret)`,
        ].join('\n'),
      )
    })

  withAuditOptions(audit.command('append [file]'))
    .description('append opaque bytes (a file, or stdin) as one entry; prints its index once durable')
    .action(async (file: string | undefined, options: AuditOptions, command: Command) => {
      const data = readInput(file)
      const { index } = await withLog(options, (log) => log.append(data))
      printResult(command, { index }, () => `appended entry ${index}`)
    })

  withAuditOptions(audit.command('record [event.json]'))
    .description(
      'record an AI event (OpenTelemetry GenAI fields; "private" fields are committed, never logged in clear)',
    )
    .action(async (file: string | undefined, options: AuditOptions, command: Command) => {
      let event: AiEvent
      try {
        event = JSON.parse(new TextDecoder().decode(readInput(file)))
      } catch (cause) {
        throw new CliError('event is not valid JSON', { cause })
      }
      const { index } = await withLog(options, (log) => log.record(event))
      printResult(command, { index }, () => `recorded event ${index}`)
    })

  withAuditOptions(audit.command('checkpoint'))
    .description('sign a C2SP checkpoint of the current tree and print the signed note')
    .action(async (options: AuditOptions, command: Command) => {
      const checkpoint = await withLog(options, (log) => log.checkpoint())
      printResult(command, checkpoint, () => checkpoint.note.trimEnd())
    })

  withAuditOptions(audit.command('receipt <index>'))
    .description('print a C2SP tlog-proof receipt for an entry (verifies offline with the public key)')
    .action(async (index: string, options: AuditOptions, command: Command) => {
      const receipt = await withLog(options, (log) => log.receipt(parseIndex(index)))
      printResult(command, { receipt }, () => receipt.trimEnd())
    })

  withAuditOptions(audit.command('show <index>'))
    .description('open an entry: its AI event with private fields (needs the local secrets), or its bytes')
    .action(async (index: string, options: AuditOptions, command: Command) => {
      const i = parseIndex(index)
      const result = await withLog(options, async (log) => {
        const [entry] = await log.storage.readEntries(i, i + 1)
        const secret = await log.storage.getSecret(i)
        return secret
          ? { index: i, event: await log.readEvent(i) }
          : { index: i, entry: encodeBase64(entry!), erasedOrOpaque: true }
      })
      printResult(command, result, () => JSON.stringify(result, null, 2))
    })

  withAuditOptions(audit.command('disclose <index> <fields...>'))
    .description("reveal chosen private fields of an entry to an auditor, with a receipt proving it's logged")
    .action(async (index: string, fields: string[], options: AuditOptions, command: Command) => {
      const disclosure = await withLog(options, (log) => log.disclose(parseIndex(index), fields))
      printResult(command, disclosure, () => JSON.stringify(disclosure, null, 2))
    })

  withAuditOptions(audit.command('erase <index>'))
    .description("destroy an entry's private data (key, salts, ciphertext); proofs and anchors stay valid")
    .action(async (index: string, options: AuditOptions, command: Command) => {
      const erased = await withLog(options, (log) => log.erase(parseIndex(index)))
      printResult(command, { index: Number(index), erased }, () =>
        erased ? `erased the private data of entry ${index}` : `entry ${index} had no private data left`,
      )
    })
}
