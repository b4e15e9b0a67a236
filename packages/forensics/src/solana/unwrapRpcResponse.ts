import { DecodeError } from '../errors/ForensicsError.ts'
import { isRecord } from './isRecord.ts'

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch (cause) {
    throw new DecodeError('transaction is not valid JSON', { details: text.slice(0, 80), cause })
  }
}

/**
 * Accepts a full JSON-RPC `getTransaction` response (`{ jsonrpc, result }`), the bare `result`, or the
 * per-transaction object of a `blockSubscribe` notification, as an object or JSON text, and returns
 * the transaction object (`{ transaction, meta, ... }`). JSON-RPC errors, `null` results and other
 * shapes throw a {@link DecodeError}.
 *
 * @example
 * const result = unwrapRpcResponse(await (await fetch(rpcUrl, request)).text())
 */
export function unwrapRpcResponse(input: unknown): Record<string, unknown> {
  const value = typeof input === 'string' ? parseJson(input) : input
  if (!isRecord(value)) throw new DecodeError('transaction is not an object', { details: typeof value })
  if ('jsonrpc' in value || 'result' in value || 'error' in value) {
    if (isRecord(value.error)) {
      throw new DecodeError('JSON-RPC error response', { details: JSON.stringify(value.error).slice(0, 200) })
    }
    if (value.result === null) throw new DecodeError('transaction not found (result is null)')
    return unwrapRpcResponse(value.result)
  }
  if (!('transaction' in value)) {
    throw new DecodeError('object has no `transaction` field', { details: Object.keys(value).join(', ') })
  }
  return value
}
