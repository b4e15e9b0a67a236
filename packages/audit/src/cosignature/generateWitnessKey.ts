import { randomBytes } from '@noble/hashes/utils.js'
import { formatSignerKey } from '../note/formatSignerKey.ts'
import type { CosignatureAlgorithm } from './CosignatureAlgorithm.ts'
import { cosignatureSignatureType } from './cosignatureSignatureType.ts'
import { createCosignatureSigner } from './createCosignatureSigner.ts'

/** Parameters of {@link generateWitnessKey}. */
export type GenerateWitnessKeyParameters = {
  /** Cosigner name, a schema-less URL such as `witness.example/w1`. */
  name: string
  /** `ml-dsa-44` (post-quantum, recommended by the spec for new deployments) or `ed25519`. */
  algorithm: CosignatureAlgorithm
  /** 32-byte seed; random when omitted. Pass one only for reproducible tests. */
  seed?: Uint8Array
}

/** Return type of {@link generateWitnessKey}. */
export type GenerateWitnessKeyReturnType = {
  /** `PRIVATE+KEY+<name>+<hex id>+<base64(type || 32-byte seed)>`, secret; type 0x04 or 0x06. */
  signerKey: string
  /** `<name>+<hex id>+<base64(type || public key)>`, the c2sp.org/tlog-cosignature vkey. */
  verifierKey: string
}

/**
 * Generates a cosigner (witness) key pair. The verifier key is the vkey c2sp.org/tlog-cosignature describes;
 * the signer key extends golang.org/x/mod/sumdb/note's private key format (which only defines type 0x01) to
 * types 0x04 and 0x06, holding the 32-byte seed.
 *
 * @example
 * const { signerKey, verifierKey } = generateWitnessKey({ name: 'witness.example/w1', algorithm: 'ml-dsa-44' })
 */
export function generateWitnessKey({
  name,
  algorithm,
  seed = randomBytes(32),
}: GenerateWitnessKeyParameters): GenerateWitnessKeyReturnType {
  const { publicKey, verifierKey } = createCosignatureSigner({ name, algorithm, seed })
  const signatureType = cosignatureSignatureType(algorithm)
  return { signerKey: formatSignerKey({ name, signatureType, publicKey, privateKey: seed }), verifierKey }
}
