import { DecodeError } from '../errors/ForensicsError.ts'
import { decodeBase58 } from './decodeBase58.ts'
import { decodeBase64 } from './decodeBase64.ts'
import { decodeWireTransaction } from './decodeWireTransaction.ts'
import { isRecord } from './isRecord.ts'
import type { NormalizedTransaction } from './NormalizedTransaction.ts'

/**
 * Result of {@link readTransactionBody}: the message before account resolution.
 *
 * @example
 * const { encoding, keys }: TransactionBody = readTransactionBody(result.transaction)
 */
export type TransactionBody = {
  encoding: NormalizedTransaction['encoding']
  signature: string | undefined
  /** Version found in the wire bytes; JSON encodings leave it to the response's `version`. */
  version: 'legacy' | 0 | 1 | undefined
  /** For `jsonParsed`, every key including lookup-table ones; otherwise the static keys. */
  keys: string[]
  /** Raw top-level instructions, for {@link normalizeInstruction}. */
  instructions: unknown[]
}

function readWire(tx: unknown[]): TransactionBody {
  const [payload, encoding] = tx
  if (encoding !== 'base64' && encoding !== 'base58') {
    throw new DecodeError('unsupported transaction encoding', { details: String(encoding) })
  }
  const bytes =
    encoding === 'base64' ? decodeBase64(payload, 'transaction') : decodeBase58(payload, 'transaction')
  const wire = decodeWireTransaction(bytes)
  const { version, staticKeys: keys, instructions } = wire
  return { encoding, signature: wire.signatures[0], version, keys, instructions }
}

function readKey(key: unknown, i: number): string {
  const value = isRecord(key) ? key.pubkey : key
  if (typeof value !== 'string')
    throw new DecodeError(`transaction.message.accountKeys[${i}] is not an address`)
  return value
}

function readJson(tx: Record<string, unknown>): TransactionBody {
  const message = tx.message
  if (!isRecord(message)) throw new DecodeError('transaction.message is missing')
  const { accountKeys, instructions } = message
  if (!Array.isArray(accountKeys)) throw new DecodeError('transaction.message.accountKeys is not an array')
  if (!Array.isArray(instructions)) throw new DecodeError('transaction.message.instructions is not an array')
  const encoding = accountKeys.some(isRecord) ? 'jsonParsed' : 'json'
  const signature =
    Array.isArray(tx.signatures) && typeof tx.signatures[0] === 'string' ? tx.signatures[0] : undefined
  const keys = accountKeys.map(readKey)
  return { encoding, signature, version: undefined, keys, instructions }
}

/**
 * Reads the `transaction` field of a `getTransaction` result in any encoding: `[data, "base64"]`
 * (or `"base58"`) wire bytes, `json` (`programIdIndex` instructions) or `jsonParsed` (account objects).
 *
 * @example
 * const body = readTransactionBody(result.transaction)
 * body.encoding // 'base64'
 */
export function readTransactionBody(tx: unknown): TransactionBody {
  if (Array.isArray(tx)) return readWire(tx)
  if (isRecord(tx)) return readJson(tx)
  throw new DecodeError('transaction field is neither wire bytes nor a JSON message', { details: typeof tx })
}
