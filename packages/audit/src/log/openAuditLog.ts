import { encodeBase64 } from '../encoding/encodeBase64.ts'
import { AuditError, InvalidInputError } from '../errors/AuditError.ts'
import { discloseFields } from '../events/discloseFields.ts'
import { openEvent } from '../events/openEvent.ts'
import { sealEvent } from '../events/sealEvent.ts'
import { parseSignerKey } from '../note/parseSignerKey.ts'
import { verifierKeyOf } from '../note/verifierKeyOf.ts'
import { buildReceipt } from '../receipt/buildReceipt.ts'
import type { LogStorage } from '../storage/LogStorage.ts'
import { MAX_ENTRY_SIZE } from '../tiles/constants.ts'
import type { AuditLog } from './AuditLog.ts'
import { createAppender } from './createAppender.ts'
import { createCheckpointer } from './createCheckpointer.ts'

/** Parameters of {@link openAuditLog}. */
export type OpenAuditLogParameters = {
  storage: LogStorage
  /** The log's C2SP signer key (`PRIVATE+KEY+<origin>+…`); its name must be the storage's origin. */
  signerKey: string
  /** Sign a checkpoint this often while the log grows (default 250 ms; 0 = only on demand). */
  checkpointIntervalMs?: number
  /**
   * Largest entry accepted, in bytes: at most and by default 65,535, the most a c2sp.org/tlog-tiles entry
   * bundle can carry (private payloads live in the entry's secret, which has no such limit).
   */
  maxEntryBytes?: number
  /** Most entries per group commit (default 1,024). */
  maxBatch?: number
}

/**
 * Opens an audit log over a storage backend with the log's signing key.
 *
 * @example
 * const storage = await openSqliteStorage({ path: 'audit.db', origin: 'sextant.local/audit' })
 * const log = await openAuditLog({ storage, signerKey })
 */
export async function openAuditLog(parameters: OpenAuditLogParameters): Promise<AuditLog> {
  const { storage, signerKey } = parameters
  const signer = parseSignerKey(signerKey)
  if (signer.name !== storage.origin) {
    throw new InvalidInputError('signer key does not match the log', {
      details: `key name ${signer.name}, origin ${storage.origin}`,
    })
  }
  const maxEntryBytes = parameters.maxEntryBytes ?? MAX_ENTRY_SIZE
  if (!Number.isInteger(maxEntryBytes) || maxEntryBytes < 1 || maxEntryBytes > MAX_ENTRY_SIZE) {
    throw new InvalidInputError('invalid maxEntryBytes', {
      details: `1..${MAX_ENTRY_SIZE}, got ${maxEntryBytes}`,
    })
  }
  const appender = createAppender(storage, {
    ...(parameters.maxBatch ? { maxBatch: parameters.maxBatch } : {}),
    maxEntryBytes,
  })
  const checkpointer = createCheckpointer(storage, {
    signer,
    intervalMs: parameters.checkpointIntervalMs ?? 250,
  })

  const entryOf = async (index: number) => {
    const [entry] = await storage.readEntries(index, index + 1)
    return entry!
  }
  const secretOf = async (index: number) => {
    const secret = await storage.getSecret(index)
    if (!secret)
      throw new AuditError('no private data for this entry', { details: `entry ${index} (erased or opaque)` })
    return secret
  }
  const receipt = async (index: number) => {
    const size = await storage.size()
    if (!Number.isSafeInteger(index) || index < 0 || index >= size) {
      throw new InvalidInputError('index out of range', { details: `index ${index}, log size ${size}` })
    }
    let checkpoint = await storage.latestCheckpoint()
    if (!checkpoint || checkpoint.size <= index) checkpoint = await checkpointer.checkpoint()
    return buildReceipt(storage, { index, checkpoint })
  }

  return {
    origin: storage.origin,
    storage,
    verifierKey: verifierKeyOf(signerKey),
    append: (data) => appender.append(data).finally(checkpointer.poke),
    record: async (event) => {
      const { entry, secret } = sealEvent(event)
      return appender.append(entry, { secret }).finally(checkpointer.poke)
    },
    checkpoint: async () => {
      await appender.flush()
      return checkpointer.checkpoint()
    },
    receipt,
    readEvent: async (index) => openEvent({ entry: await entryOf(index), secret: await secretOf(index) }),
    disclose: async (index, fields) => {
      const sealed = discloseFields({ entry: await entryOf(index), secret: await secretOf(index), fields })
      return {
        index,
        entry: encodeBase64(sealed.entry),
        disclosures: sealed.disclosures,
        receipt: await receipt(index),
      }
    },
    erase: async (index) => {
      const size = await storage.size()
      if (!Number.isSafeInteger(index) || index < 0 || index >= size) {
        throw new InvalidInputError('index out of range', { details: `index ${index}, log size ${size}` })
      }
      return storage.eraseSecret(index)
    },
    close: async () => {
      await appender.close()
      await checkpointer.close()
      await storage.close()
    },
  }
}
