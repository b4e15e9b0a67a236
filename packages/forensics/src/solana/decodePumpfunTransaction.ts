import { collectEventPayloads } from './collectEventPayloads.ts'
import { collectPumpfunInstructions } from './collectPumpfunInstructions.ts'
import { decodeMessage } from './decodeMessage.ts'
import { decodePumpfunEvent } from './decodePumpfunEvent.ts'
import { mergeEventSources } from './mergeEventSources.ts'
import type { PumpfunEvent, UnrecognizedEvent } from './PumpfunEvent.ts'
import type { PumpfunTransaction } from './PumpfunTransaction.ts'
import { parseLogStack } from './parseLogStack.ts'
import { PUMPFUN_PROGRAM_ID } from './pumpfunLayouts.ts'
import { resolveInvocations } from './resolveInvocations.ts'
import { unwrapRpcResponse } from './unwrapRpcResponse.ts'

/** Parameters of {@link decodePumpfunTransaction}. */
export type DecodePumpfunTransactionParameters = {
  /**
   * A `getTransaction` response (`{ jsonrpc, result }`), its `result`, or one transaction of a
   * `blockSubscribe` notification; as an object or JSON text; `json`, `jsonParsed` or base64 encoding.
   */
  transaction: unknown
}

/** Result of {@link decodePumpfunTransaction}. */
export type DecodePumpfunTransactionReturnType = PumpfunTransaction

/**
 * Decodes the pump.fun activity of one Solana transaction: create, buy, sell, complete and migrate
 * events (from self-CPI inner instructions and from `Program data:` lines that pump.fun itself wrote,
 * each counted once), the pump.fun instructions with their arguments, and flags for anything unusual.
 * Input that is not a transaction throws a `DecodeError`; failed transactions come back with
 * `flags.failed` and no events.
 *
 * @example
 * const tx = decodePumpfunTransaction({ transaction: await rpc('getTransaction', [sig, opts]) })
 * for (const e of tx.events) if (e.kind === 'buy') console.log(e.mint, e.trader, e.solAmount)
 */
export function decodePumpfunTransaction({
  transaction,
}: DecodePumpfunTransactionParameters): DecodePumpfunTransactionReturnType {
  const tx = decodeMessage(unwrapRpcResponse(transaction))
  const logStack = parseLogStack(tx.logMessages ?? [])
  const tree = resolveInvocations(tx.instructions, logStack.frames)
  const { instructions, byFlatIndex } = collectPumpfunInstructions(tx, tree)
  const payloads = collectEventPayloads({ tx, logStack, tree, byFlatIndex })
  const failed = tx.err !== null && tx.err !== undefined
  const events: PumpfunEvent[] = []
  const unrecognizedEvents: UnrecognizedEvent[] = payloads.badLogLines.map(({ origin, message }) => ({
    name: undefined,
    discriminator: '',
    payloadLength: 0,
    reason: 'malformed',
    message,
    origin,
  }))
  for (const { bytes, origin } of mergeEventSources(payloads.selfCpi, payloads.logs)) {
    const decoded = decodePumpfunEvent(bytes, origin)
    if ('event' in decoded) events.push(decoded.event)
    else unrecognizedEvents.push(decoded.unrecognized)
  }
  return {
    signature: tx.signature,
    slot: tx.slot,
    blockTime: tx.blockTime,
    version: tx.version,
    encoding: tx.encoding,
    touchesPumpfun:
      instructions.length > 0 ||
      logStack.frames.some((f) => f.programId === PUMPFUN_PROGRAM_ID) ||
      events.length > 0,
    err: tx.err ?? null,
    events: failed ? [] : events,
    instructions,
    unrecognizedEvents: failed ? [] : unrecognizedEvents,
    flags: {
      failed,
      metaMissing: !tx.metaPresent,
      logsMissing: tx.logMessages === undefined,
      logsTruncated: logStack.truncated,
      innerInstructionsMissing: !tx.innerInstructionsPresent,
      unresolvedAccounts: tx.unresolvedAccounts,
      unknownLayout: !failed && events.some((e) => e.layout.unknownLayout),
      foreignDataLines: payloads.foreignDataLines,
      logAnomalies: logStack.anomalies,
    },
  }
}
