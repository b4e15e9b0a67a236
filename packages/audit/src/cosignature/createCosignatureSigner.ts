import { ed25519 } from '@noble/curves/ed25519.js'
import { ml_dsa44 } from '@noble/post-quantum/ml-dsa.js'
import { decodeUtf8 } from '../encoding/decodeUtf8.ts'
import { InvalidInputError } from '../errors/AuditError.ts'
import type { CosignatureAlgorithm } from './CosignatureAlgorithm.ts'
import type { CosignatureSigner } from './CosignatureSigner.ts'
import { cosignedMessage } from './cosignedMessage.ts'
import { createCosignatureVerifier } from './createCosignatureVerifier.ts'

/** Parameters of {@link createCosignatureSigner}. */
export type CreateCosignatureSignerParameters = {
  /** Cosigner key name, e.g. `witness.example/w1`. */
  name: string
  algorithm: CosignatureAlgorithm
  /** 32-byte seed: the Ed25519 private key, or the FIPS 204 ML-DSA-44 key generation seed ξ. */
  seed: Uint8Array
  /** Clock for `sign`, in POSIX seconds; defaults to the system clock. */
  now?: () => number
}

/**
 * A {@link CosignatureSigner} from a 32-byte seed. ML-DSA-44 signatures are hedged (randomized, FIPS 204
 * default), so they differ on every call; Ed25519 ones are deterministic. Throws {@link InvalidInputError}.
 *
 * @example
 * const cosigner = createCosignatureSigner({ name: 'witness.example/w1', algorithm: 'ml-dsa-44', seed })
 */
export function createCosignatureSigner({
  name,
  algorithm,
  seed,
  now = () => Math.floor(Date.now() / 1000),
}: CreateCosignatureSignerParameters): CosignatureSigner {
  if (seed.length !== 32)
    throw new InvalidInputError('cosigner seed must be 32 bytes', { details: `got ${seed.length}` })
  const ed25519Seed = seed.slice()
  const keys = algorithm === 'ml-dsa-44' ? ml_dsa44.keygen(seed) : undefined
  const publicKey = keys?.publicKey ?? ed25519.getPublicKey(ed25519Seed)
  const { keyId, verifierKey } = createCosignatureVerifier({ name, algorithm, publicKey })
  const signAt = (text: Uint8Array, timestamp: number): Uint8Array => {
    const textString = decodeUtf8(text)
    if (textString === undefined) throw new InvalidInputError('note text is not valid UTF-8')
    const message = cosignedMessage({ algorithm, name, timestamp, text: textString })
    const signature = keys ? ml_dsa44.sign(message, keys.secretKey) : ed25519.sign(message, ed25519Seed)
    const out = new Uint8Array(8 + signature.length)
    new DataView(out.buffer).setBigUint64(0, BigInt(timestamp))
    out.set(signature, 8)
    return out
  }
  return { name, keyId, algorithm, publicKey, verifierKey, signAt, sign: (text) => signAt(text, now()) }
}
