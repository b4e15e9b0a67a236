import { openCheckpoint } from '../checkpoint/openCheckpoint.ts'
import type { CosignatureSigner } from '../cosignature/CosignatureSigner.ts'
import { parseCosignatureSignerKey } from '../cosignature/parseCosignatureSignerKey.ts'
import { parseLogVerifierKey } from '../cosignature/parseLogVerifierKey.ts'
import { encodeUtf8 } from '../encoding/encodeUtf8.ts'
import { InvalidInputError, ProofError } from '../errors/AuditError.ts'
import { formatSignatureLine } from '../note/formatSignatureLine.ts'
import type { NoteVerifier } from '../note/NoteVerifier.ts'
import { parseNote } from '../note/parseNote.ts'
import { emptyRoot } from '../tree/emptyRoot.ts'
import { verifyConsistency } from '../tree/verifyConsistency.ts'
import { UnknownLogError } from './UnknownLogError.ts'
import type { Witness } from './Witness.ts'
import { WitnessConflictError } from './WitnessConflictError.ts'
import type { WitnessState } from './WitnessState.ts'

/** Parameters of {@link createWitness}. */
export type CreateWitnessParameters = {
  /** The witness's cosigner keys (signer key strings or parsed), e.g. one Ed25519 and one ML-DSA-44. */
  cosigners: readonly (string | CosignatureSigner)[]
  /** The logs it witnesses, each with the public key(s) it trusts for that origin (types 0x01, 0x04, 0x06). */
  logs: readonly { origin: string; verifierKeys: readonly (string | NoteVerifier)[] }[]
  /** Where it records the latest cosigned checkpoint of each log. */
  state: WitnessState
  /** Clock for cosignature timestamps, POSIX seconds; defaults to the system clock. */
  now?: () => number
}

/**
 * Creates a c2sp.org/tlog-witness witness. Its `addCheckpoint` follows the spec's checks, and each failure maps
 * to the spec's HTTP status: {@link UnknownLogError} (404) for an unconfigured origin; `NoteError` (403) when no
 * trusted log signature verifies; {@link InvalidInputError} (400) when the old size exceeds the checkpoint size,
 * which is how a rollback below the recorded size shows, or for a malformed checkpoint;
 * {@link WitnessConflictError} (409, with the recorded size) when the old size is not the recorded one — a stale
 * client — or the same size comes with another root; {@link ProofError} (422) when the consistency proof from the
 * recorded checkpoint does not verify. A first checkpoint (recorded size 0 or none) needs old size 0 and an empty
 * proof. The check and the record are one compare-and-swap, and nothing is returned before the record is durable.
 *
 * @example
 * const witness = createWitness({
 *   cosigners: [witnessSignerKey],
 *   logs: [{ origin: 'example.com/log', verifierKeys: [logVerifierKey] }],
 *   state: createFileWitnessState({ path: 'witness-state.json' }),
 * })
 */
export function createWitness({
  cosigners,
  logs,
  state,
  now = () => Math.floor(Date.now() / 1000),
}: CreateWitnessParameters): Witness {
  const signers = cosigners.map((c) => (typeof c === 'string' ? parseCosignatureSignerKey(c) : c))
  if (signers.length === 0) throw new InvalidInputError('a witness needs at least one cosigner key')
  const verifiersByOrigin = new Map<string, NoteVerifier[]>()
  for (const { origin, verifierKeys } of logs) {
    if (verifiersByOrigin.has(origin) || verifierKeys.length === 0)
      throw new InvalidInputError('each log needs one entry with at least one key', { details: origin })
    verifiersByOrigin.set(
      origin,
      verifierKeys.map((k) => (typeof k === 'string' ? parseLogVerifierKey(k) : k)),
    )
  }

  return {
    verifierKeys: signers.map((s) => s.verifierKey),
    async addCheckpoint({ oldSize, consistencyProof, checkpointNote }) {
      if (!Number.isSafeInteger(oldSize) || oldSize < 0)
        throw new InvalidInputError('invalid old size', { details: String(oldSize) })
      if (consistencyProof.length > 63)
        throw new InvalidInputError('consistency proof has more than 63 hashes')
      const { text } = parseNote(checkpointNote)
      const origin = text.slice(0, text.indexOf('\n'))
      const verifiers = verifiersByOrigin.get(origin)
      if (verifiers === undefined)
        throw new UnknownLogError('unknown log origin', { details: JSON.stringify(origin) })
      const { checkpoint } = openCheckpoint({ note: checkpointNote, verifiers, origin })
      const { size, rootHash } = checkpoint
      if (size === 0 && !Buffer.from(rootHash).equals(emptyRoot()))
        throw new InvalidInputError('an empty tree must have the hash of the empty string as root')
      if (oldSize > size)
        throw new InvalidInputError('old size is larger than the checkpoint size', {
          details: `${oldSize} > ${size}`,
        })

      const recorded = await state.read(origin)
      const recordedSize = recorded?.size ?? 0
      if (oldSize !== recordedSize)
        throw new WitnessConflictError('old size is not the recorded size', {
          recordedSize,
          details: `old ${oldSize}, recorded ${recordedSize}`,
        })
      if (recorded !== undefined && size === recordedSize && !Buffer.from(rootHash).equals(recorded.rootHash))
        throw new WitnessConflictError('same tree size as recorded, different root hash', { recordedSize })
      if (oldSize === 0 || size === oldSize) {
        if (consistencyProof.length > 0)
          throw new ProofError('consistency proof must be empty', {
            details: `old size ${oldSize}, size ${size}`,
          })
      } else {
        verifyConsistency({
          size1: oldSize,
          size2: size,
          root1: recorded!.rootHash,
          root2: rootHash,
          proof: consistencyProof,
        })
      }

      const timestamp = now()
      const textBytes = encodeUtf8(text)!
      const signatures = signers.map((s) => ({
        name: s.name,
        keyId: s.keyId,
        signature: s.signAt(textBytes, timestamp),
      }))
      const next = { size, rootHash }
      if (!(await state.update({ origin, expected: recorded, next }))) {
        const current = await state.read(origin)
        throw new WitnessConflictError('the recorded checkpoint changed concurrently', {
          recordedSize: current?.size ?? 0,
        })
      }
      return { checkpoint, timestamp, signatures, body: signatures.map(formatSignatureLine).join('') }
    },
  }
}
