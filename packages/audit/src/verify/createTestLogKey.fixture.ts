// TEST-ONLY stand-in for src/note (C2SP signed-note) and src/checkpoint (C2SP tlog-checkpoint), which are being
// written in parallel. Imported by tests and the benchmark only; delete once the real ones land and wire their
// openNote + parseCheckpoint into a CheckpointVerifier instead.
import { ed25519 } from '@noble/curves/ed25519.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { NoteError } from '../errors/AuditError.ts'
import type { LogStorage } from '../storage/LogStorage.ts'
import { treeHash } from '../tree/treeHash.ts'
import type { CheckpointVerifier } from './CheckpointVerifier.ts'
import type { TreeHead } from './TreeHead.ts'

/** A log signing key for tests: signs checkpoints as Ed25519 signed notes and verifies them. */
export type TestLogKey = {
  origin: string
  /** The signed note of a checkpoint `origin\nsize\nbase64(root)\n`. */
  signCheckpoint(head: TreeHead): string
  /** Signs the checkpoint of the storage's current size and stores it; returns the note. */
  checkpoint(storage: LogStorage): Promise<string>
  /** Accepts only notes signed by this key, with this origin; strict base64 and decimal. */
  verifyCheckpoint: CheckpointVerifier
}

/**
 * Creates a deterministic test key whose key name is the origin. Key ID = SHA-256(name ‖ 0x0A ‖ 0x01 ‖ pubkey)[:4];
 * signature line `— <name> <base64(keyID ‖ signature)>`.
 *
 * @example
 * const key = createTestLogKey({ origin: 'test.example/log' })
 * const note = await key.checkpoint(storage)
 */
export function createTestLogKey({ origin, seed = 1 }: { origin: string; seed?: number }): TestLogKey {
  const secretKey = sha256(new TextEncoder().encode(`test key ${seed}`))
  const publicKey = ed25519.getPublicKey(secretKey)
  const keyId = sha256(concat(new TextEncoder().encode(`${origin}\n`), new Uint8Array([1]), publicKey)).slice(
    0,
    4,
  )
  const signNote = (text: string) => {
    const signature = ed25519.sign(new TextEncoder().encode(text), secretKey)
    return `${text}\n\u2014 ${origin} ${Buffer.from(concat(keyId, signature)).toString('base64')}\n`
  }
  const signCheckpoint = ({ size, rootHash }: TreeHead) =>
    signNote(`${origin}\n${size}\n${Buffer.from(rootHash).toString('base64')}\n`)
  return {
    origin,
    signCheckpoint,
    async checkpoint(storage) {
      const size = await storage.size()
      const note = signCheckpoint({ size, rootHash: await treeHash(storage, { size }) })
      await storage.putCheckpoint({ size, note })
      return note
    },
    verifyCheckpoint(note) {
      const split = note.lastIndexOf('\n\n')
      if (split < 0 || !note.endsWith('\n')) throw new NoteError('malformed note')
      const text = note.slice(0, split + 1)
      const valid = note
        .slice(split + 2, -1)
        .split('\n')
        .some((line) => {
          const match = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/.exec(line)
          const blob = match ? strictBase64(match[2]!) : undefined
          if (!match || match[1] !== origin || blob?.length !== 68) return false
          if (!equal(blob.subarray(0, 4), keyId)) return false
          return ed25519.verify(blob.subarray(4), new TextEncoder().encode(text), publicKey)
        })
      if (!valid) throw new NoteError('no known valid signature')
      const [name, size, root, ...rest] = text.split('\n')
      const rootHash = strictBase64(root ?? '')
      if (
        name !== origin ||
        !/^(0|[1-9][0-9]*)$/.test(size ?? '') ||
        rootHash?.length !== 32 ||
        rest.at(-1) !== ''
      ) {
        throw new NoteError('malformed checkpoint')
      }
      return { size: Number(size), rootHash }
    },
  }
}

function strictBase64(text: string): Uint8Array | undefined {
  const bytes = Buffer.from(text, 'base64')
  return bytes.toString('base64') === text ? new Uint8Array(bytes) : undefined
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}
