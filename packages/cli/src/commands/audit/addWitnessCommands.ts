import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseCheckpoint } from '@sextant/audit/checkpoint/parseCheckpoint'
import type { CosignatureAlgorithm } from '@sextant/audit/cosignature/CosignatureAlgorithm'
import { generateWitnessKey } from '@sextant/audit/cosignature/generateWitnessKey'
import { createLogClient } from '@sextant/audit/http/createLogClient'
import { parseNote } from '@sextant/audit/note/parseNote'
import { createFileWitnessState } from '@sextant/audit/witness/createFileWitnessState'
import { createWitness } from '@sextant/audit/witness/createWitness'
import type { Command } from 'commander'
import { CliError } from '../../errors/CliError.ts'
import { printResult } from '../../output/printResult.ts'

type WitnessOptions = { dataDir: string }
const keysDir = ({ dataDir }: WitnessOptions) => join(dataDir, 'witness')

/**
 * Adds `sextant audit witness …`: `init` creates cosigner keys (Ed25519 or post-quantum ML-DSA-44); `cosign`
 * fetches a log's checkpoint and a consistency proof from the checkpoint it last cosigned, checks them, and only
 * then cosigns (C2SP tlog-witness rules; state kept in the data dir).
 *
 * @example
 * addWitnessCommands(audit)
 */
export function addWitnessCommands(audit: Command): void {
  const witness = audit.command('witness').description('witness other logs: check consistency, then cosign')
  witness
    .command('init')
    .description('create a witness cosigner key')
    .requiredOption('--name <name>', 'witness name, e.g. witness.example/w1')
    .option('--algorithm <alg>', 'ed25519 or ml-dsa-44', 'ml-dsa-44')
    .option(
      '--data-dir <dir>',
      'where the witness keys and state live',
      process.env.SEXTANT_DATA_DIR ?? '.sextant',
    )
    .action((options: WitnessOptions & { name: string; algorithm: string }, command: Command) => {
      if (options.algorithm !== 'ed25519' && options.algorithm !== 'ml-dsa-44') {
        throw new CliError('unknown algorithm', { details: `${options.algorithm} (ed25519 or ml-dsa-44)` })
      }
      const { signerKey, verifierKey } = generateWitnessKey({
        name: options.name,
        algorithm: options.algorithm as CosignatureAlgorithm,
      })
      mkdirSync(keysDir(options), { recursive: true, mode: 0o700 })
      const file = join(
        keysDir(options),
        `${options.algorithm}-${options.name.replace(/[^A-Za-z0-9.-]/g, '_')}.key`,
      )
      writeFileSync(file, `${signerKey}\n`, { mode: 0o600, flag: 'wx' })
      printResult(
        command,
        { name: options.name, verifierKey, keyFile: file },
        () => `witness key ${file}\nverifier key: ${verifierKey}`,
      )
    })

  witness
    .command('cosign <url>')
    .description("fetch a log's checkpoint, check it extends the one last cosigned, and cosign it")
    .requiredOption('--log-key <verifierKey...>', "the log's verifier key(s)")
    .option(
      '--data-dir <dir>',
      'where the witness keys and state live',
      process.env.SEXTANT_DATA_DIR ?? '.sextant',
    )
    .action(async (url: string, options: WitnessOptions & { logKey: string[] }, command: Command) => {
      const dir = keysDir(options)
      const keys = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.key')) : []
      if (keys.length === 0)
        throw new CliError('no witness key', { details: 'run: sextant audit witness init --name …' })
      const state = createFileWitnessState({ path: join(dir, 'state.json') })
      const client = createLogClient({ url })
      const note = await client.checkpoint()
      const { origin, size } = parseCheckpoint(parseNote(note).text)
      const w = createWitness({
        cosigners: keys.map((f) => readFileSync(join(dir, f), 'utf8').trim()),
        logs: [{ origin, verifierKeys: options.logKey }],
        state,
      })
      const oldSize = (await state.read(origin))?.size ?? 0
      const consistencyProof =
        oldSize > 0 && oldSize < size ? await client.consistencyProof({ from: oldSize, to: size }) : []
      const result = await w.addCheckpoint({ oldSize, consistencyProof, checkpointNote: note })
      const cosigned = `${note}${result.body}`
      printResult(command, { origin, oldSize, size, note: cosigned }, () => cosigned.trimEnd())
    })
}
