import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { anchorCheckpoint } from '@sextant/audit/anchor/anchorCheckpoint'
import { deployCheckpointAnchor } from '@sextant/audit/anchor/deployCheckpointAnchor'
import { readAnchoredCheckpoint } from '@sextant/audit/anchor/readAnchoredCheckpoint'
import { registerLog } from '@sextant/audit/anchor/registerLog'
import { openAuditLog } from '@sextant/audit/log/openAuditLog'
import { generateSignerKey } from '@sextant/audit/note/generateSignerKey'
import { openStorage } from '@sextant/audit/storage/openStorage'
import { treeHash } from '@sextant/audit/tree/treeHash'
import { devPrivateKeys } from '@sextant/chain/anvil/devAccounts'
import { connectChain } from '@sextant/chain/clients/connectChain'
import { type Hex, parseEther } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { demoSession } from './demoSession.ts'
import { verifyFromPublicData } from './verifyFromPublicData.ts'

/** Parameters of {@link runDemo}. */
export type RunDemoParameters = {
  /** Any EVM JSON-RPC URL and key; default: an embedded anvil. */
  rpcUrl?: string
  privateKey?: Hex
  /** Audit storage: a SQLite path or postgres:// URL; default: a fresh SQLite file in a temp dir. */
  db?: string
  /** Progress lines go here. */
  progress?: (line: string) => void
}

/**
 * The main job until the dashboard lands: start the chain, write a short agent session into the audit log,
 * anchor a checkpoint on-chain, erase one entry's private data, verify everything from public data, report.
 *
 * @example
 * const report = await runDemo({ progress: console.log })
 */
export async function runDemo(parameters: RunDemoParameters = {}) {
  const say = parameters.progress ?? (() => {})
  const started = performance.now()
  say(parameters.rpcUrl ? `connecting to ${parameters.rpcUrl}` : 'starting an embedded anvil chain')
  const chain = await connectChain({
    ...(parameters.rpcUrl ? { rpcUrl: parameters.rpcUrl } : {}),
    ...(parameters.privateKey ? { privateKey: parameters.privateKey } : {}),
  })
  try {
    say('deploying the CheckpointAnchor contract')
    const anchor = await deployCheckpointAnchor(chain)
    const origin = `sextant.demo/audit-${Date.now().toString(36)}`
    const { logId } = await registerLog(chain, { anchor, origin })
    const { signerKey, verifierKey } = generateSignerKey({ name: origin })
    const db = parameters.db ?? join(mkdtempSync(join(tmpdir(), 'sextant-demo-')), 'audit.db')
    const log = await openAuditLog({
      storage: await openStorage({ url: db, origin }),
      signerKey,
      checkpointIntervalMs: 0,
    })
    try {
      say('running a treasury agent session: model calls, tool calls, payment decisions')
      const supplier = privateKeyToAccount(devPrivateKeys(3)[2]!).address
      const attacker = '0x000000000000000000000000000000000000dEaD'
      const paymentTx = await chain.walletClient.sendTransaction({ to: supplier, value: parseEther('0.5') })
      await chain.publicClient.waitForTransactionReceipt({ hash: paymentTx })
      const events = demoSession({ supplier, attacker, paymentTx, chainId: chain.chain.id })
      const indexes: number[] = []
      for (const event of events) indexes.push((await log.record(event)).index)

      const checkpoint = await log.checkpoint()
      say(`signed checkpoint at size ${checkpoint.size}; anchoring it on-chain`)
      const anchored = await anchorCheckpoint(chain, log.storage, {
        anchor,
        logId,
        size: checkpoint.size,
        rootHash: await treeHash(log.storage, { size: checkpoint.size }),
      })
      const erasedIndex = indexes[1]!
      say(`erasing the private data of entry ${erasedIndex} (the tool call that holds the supplier's IBAN)`)
      await log.erase(erasedIndex)

      say('verifying everything from public data: entries, signed checkpoint, receipts, on-chain anchor')
      const onChain = await readAnchoredCheckpoint(chain, { anchor, logId })
      const verification = await verifyFromPublicData({ log, verifierKey, anchored: onChain })
      return {
        ok: verification.ok,
        chain: { rpcUrl: chain.rpcUrl, chainId: chain.chain.id, embedded: chain.embedded },
        log: { origin, verifierKey, db, size: checkpoint.size, entries: indexes.length },
        anchor: { address: anchor, logId, tx: anchored.hash, gasUsed: anchored.gasUsed, size: onChain?.size },
        payment: { tx: paymentTx, to: supplier },
        erased: { index: erasedIndex, stillProvable: verification.receiptsVerified === indexes.length },
        verification,
        seconds: Number(((performance.now() - started) / 1000).toFixed(2)),
      }
    } finally {
      await log.close()
    }
  } finally {
    await chain.close()
  }
}
