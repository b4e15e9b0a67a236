import type { AnchoredCheckpoint } from '@sextant/audit/anchor/readAnchoredCheckpoint'
import { createAuditApp } from '@sextant/audit/http/createAuditApp'
import { createLogClient } from '@sextant/audit/http/createLogClient'
import { serve } from '@sextant/audit/http/serve'
import type { AuditLog } from '@sextant/audit/log/AuditLog'
import { verifyReceipt } from '@sextant/audit/receipt/verifyReceipt'
import { parseEntryBundle } from '@sextant/audit/tiles/parseEntryBundle'
import { createCheckpointVerifier } from '@sextant/audit/verify/createCheckpointVerifier'
import { verifyLog } from '@sextant/audit/verify/verifyLog'

/**
 * Serves the log over its public HTTP API (tlog-tiles, receipts) on loopback and verifies it as an outsider
 * would: the whole tree rebuilt from tiles and bundles, the signed checkpoint, the on-chain anchor, and every
 * entry's receipt checked offline with only the public key.
 *
 * @example
 * const result = await verifyFromPublicData({ log, verifierKey, anchored })
 */
export async function verifyFromPublicData({
  log,
  verifierKey,
  anchored,
}: {
  log: AuditLog
  verifierKey: string
  anchored: AnchoredCheckpoint | undefined
}) {
  const server = await serve({ app: createAuditApp({ log }) })
  try {
    const verified = await verifyLog({
      url: server.url,
      verifyCheckpoint: createCheckpointVerifier({ verifierKeys: [verifierKey] }),
      anchors: anchored ? [{ size: anchored.size, rootHash: anchored.rootHash }] : [],
    })
    if (!verified.ok) return { ok: false, url: server.url, problem: verified.problem, receiptsVerified: 0 }
    const client = createLogClient({ url: server.url })
    let receiptsVerified = 0
    for (let bundle = 0; bundle * 256 < verified.size; bundle++) {
      const width = Math.min(256, verified.size - bundle * 256)
      const data = await client.tile({ kind: 'entries', level: 0, index: bundle, width })
      let index = bundle * 256
      for (const entry of parseEntryBundle(data)) {
        const receipt = await (
          await fetch(new URL(`receipt/${index}`, server.url.replace(/\/?$/, '/')))
        ).text()
        verifyReceipt({ receipt, entry, logVerifierKey: verifierKey })
        receiptsVerified++
        index++
      }
    }
    return {
      ok: anchored !== undefined && receiptsVerified === verified.size,
      url: server.url,
      size: verified.size,
      resourcesFetched: verified.fetched,
      anchorMatches: anchored !== undefined,
      receiptsVerified,
    }
  } finally {
    await server.close()
  }
}
