import type { AiEvent } from '../events/AiEvent.ts'
import type { LogStorage, StoredCheckpoint } from '../storage/LogStorage.ts'

/**
 * A running audit log: durable appends (group commit), typed AI events with private fields kept off the tree,
 * signed C2SP checkpoints, offline-verifiable receipts, selective disclosure and erasure.
 *
 * @example
 * const log = await openAuditLog({ storage, signerKey })
 * const { index } = await log.record({ 'gen_ai.operation.name': 'chat', private: { 'gen_ai.input.messages': msgs } })
 * const receipt = await log.receipt(index)
 */
export type AuditLog = {
  readonly origin: string
  readonly storage: LogStorage
  /** The C2SP verifier key of the log's signing key: all an auditor needs to check receipts offline. */
  readonly verifierKey: string
  /** Appends opaque bytes (a generic transparency log). Resolves once durable. */
  append(data: Uint8Array): Promise<{ index: number }>
  /** Seals and appends an AI event: public fields and commitments in the tree, private values in its secret. */
  record(event: AiEvent): Promise<{ index: number }>
  /** Signs a checkpoint of the current tree if it grew since the last one; returns the latest checkpoint. */
  checkpoint(): Promise<StoredCheckpoint>
  /** A C2SP tlog-proof for entry `index`, checkpointing first if no checkpoint covers it yet. */
  receipt(index: number): Promise<string>
  /** Opens an AI event with its private fields (throws once erased). */
  readEvent(index: number): Promise<AiEvent>
  /** An auditor's package: the entry, the chosen fields' disclosures, and a receipt proving the entry is logged. */
  disclose(index: number, fields: readonly string[]): Promise<Disclosure>
  /** Destroys an entry's private data (key, salts, ciphertext); the tree, checkpoints and proofs are unchanged. */
  erase(index: number): Promise<boolean>
  /** Flushes pending appends, stops the checkpoint timer, closes storage. */
  close(): Promise<void>
}

/** What {@link AuditLog.disclose} returns: verifiable with `verifyDisclosure` and `verifyReceipt`. */
export type Disclosure = { index: number; entry: string; disclosures: string[]; receipt: string }
