import { devPrivateKeys } from '@sextant/chain/anvil/devAccounts'
import { connectChain } from '@sextant/chain/clients/connectChain'
import { checkpointAnchorAbi } from '@sextant/chain/generated/CheckpointAnchor'
import { keccak256, toBytes } from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMemoryTree } from '../tree/createMemoryTree.ts'
import { hashLeaf } from '../tree/hashLeaf.ts'
import { treeHash } from '../tree/treeHash.ts'
import { anchorCheckpoint } from './anchorCheckpoint.ts'
import { deployCheckpointAnchor } from './deployCheckpointAnchor.ts'
import { logIdOf } from './logIdOf.ts'
import { readAnchoredCheckpoint } from './readAnchoredCheckpoint.ts'
import { registerLog } from './registerLog.ts'

const entry = (prefix: string, i: number) => hashLeaf(toBytes(`${prefix} ${i}`))

describe('chain anchor (real anvil, real contract)', () => {
  let chain: Awaited<ReturnType<typeof connectChain>>
  beforeAll(async () => {
    chain = await connectChain()
  })
  afterAll(async () => {
    await chain?.close()
  })

  it('anchors a growing log with consistency proofs and refuses a rewritten history', async () => {
    const anchor = await deployCheckpointAnchor(chain)
    const origin = 'sextant.test/anchor'
    const { logId } = await registerLog(chain, { anchor, origin })
    const onChainId = await chain.publicClient.readContract({
      address: anchor,
      abi: checkpointAnchorAbi,
      functionName: 'logIdOf',
      args: [chain.account.address, keccak256(toBytes(origin))],
    })
    expect(logId).toBe(onChainId)
    expect(logId).toBe(logIdOf({ operator: chain.account.address, origin }))
    expect(await readAnchoredCheckpoint(chain, { anchor, logId })).toBeUndefined()

    const tree = createMemoryTree()
    for (let i = 0; i < 5; i++) await tree.append(entry('honest', i))
    const first = await anchorCheckpoint(chain, tree, {
      anchor,
      logId,
      size: 5,
      rootHash: await treeHash(tree, { size: 5 }),
    })
    expect(first.previousSize).toBe(0)
    for (let i = 5; i < 1000; i++) await tree.append(entry('honest', i))
    const root1000 = await treeHash(tree, { size: 1000 })
    const second = await anchorCheckpoint(chain, tree, { anchor, logId, size: 1000, rootHash: root1000 })
    expect(second).toMatchObject({ previousSize: 5, proofLength: expect.any(Number) })
    expect(second.proofLength).toBeGreaterThan(0)

    const anchored = await readAnchoredCheckpoint(chain, { anchor, logId })
    expect(anchored).toMatchObject({ size: 1000, anchorCount: 2 })
    expect(anchored?.rootHash).toEqual(root1000)

    // A forked log: same first 999 entries, a different entry 999, then more.
    const fork = createMemoryTree()
    for (let i = 0; i < 999; i++) await fork.append(entry('honest', i))
    for (let i = 999; i < 1100; i++) await fork.append(entry('forged', i))
    const forkRoot = await treeHash(fork, { size: 1100 })
    await expect(
      anchorCheckpoint(chain, fork, { anchor, logId, size: 1100, rootHash: forkRoot }),
    ).rejects.toThrow(/Anchor_InconsistentProof/)
    await expect(
      anchorCheckpoint(chain, tree, { anchor, logId, size: 1000, rootHash: root1000 }),
    ).rejects.toThrow(/Anchor_NotNewer/)
    expect((await readAnchoredCheckpoint(chain, { anchor, logId }))?.size).toBe(1000)
  })

  it('lets only the operator and its submitters anchor', async () => {
    const anchor = await deployCheckpointAnchor(chain)
    const { logId } = await registerLog(chain, { anchor, origin: 'sextant.test/acl' })
    const stranger = await connectChain({ rpcUrl: chain.rpcUrl, privateKey: devPrivateKeys(5)[4]! })
    const tree = createMemoryTree()
    await tree.append(entry('x', 0))
    await expect(
      anchorCheckpoint(stranger, tree, {
        anchor,
        logId,
        size: 1,
        rootHash: await treeHash(tree, { size: 1 }),
      }),
    ).rejects.toThrow(/Anchor_NotSubmitter/)
    await expect(registerLog(chain, { anchor, origin: 'sextant.test/acl' })).rejects.toThrow(
      /Anchor_LogExists/,
    )
  })
})
