import { devPrivateKeys } from '@sextant/chain/anvil/devAccounts'
import { iSextantGuardModuleAbi } from '@sextant/chain/generated/ISextantGuardModule'
import { type Address, createPublicClient, custom, getAddress, numberToHex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { VaultChainError } from '../errors/VaultError.ts'
import { parsePolicy } from '../policy/parsePolicy.ts'
import { setPolicy } from '../sdk/setPolicy.ts'
import { setupTestVault, type TestVault } from '../testing/setupTestVault.ts'
import { readModulePolicy } from './readModulePolicy.ts'
import type { VaultClient } from './VaultClient.ts'

const carol = privateKeyToAccount(devPrivateKeys(10)[9]!).address
let t: TestVault
let yaml: string
beforeAll(async () => {
  t = await setupTestVault({
    policyYaml: (a) => {
      yaml = defaultYaml(a)
      return yaml
    },
  })
})
afterAll(async () => t?.chain.close())

const rpc = (method: string, params: unknown[]) =>
  t.chain.publicClient.request({ method: method as never, params: params as never })

/**
 * The test chain behind a node that refuses `eth_getLogs` starting before `from` or spanning more than `range`
 * blocks; every range asked is recorded.
 */
function limitedNode(from: bigint, range: bigint): { client: VaultClient; asked: [bigint, bigint][] } {
  const asked: [bigint, bigint][] = []
  const publicClient = createPublicClient({
    chain: t.chain.chain,
    cacheTime: 0,
    pollingInterval: 50,
    transport: custom({
      request: async ({ method, params }) => {
        if (method === 'eth_getLogs') {
          const [filter] = params as [{ fromBlock: string; toBlock: string }]
          const span: [bigint, bigint] = [BigInt(filter.fromBlock), BigInt(filter.toBlock)]
          asked.push(span)
          if (span[0] < from || span[1] - span[0] + 1n > range)
            throw new Error(`query exceeds the allowed range: ${span[0]}..${span[1]}`)
        }
        return rpc(method, params as unknown[])
      },
      retryCount: 0,
    }),
  })
  return { client: { publicClient, walletClient: t.chain.walletClient }, asked }
}

describe('readModulePolicy on a long chain and a node that limits log ranges', () => {
  it('reads from the deploy block createVault recorded, in ranges of at most logRange blocks', async () => {
    const deployBlock = BigInt(t.vault.deployBlock)
    expect(deployBlock).toBeGreaterThan(0n)
    // a lower bound: the module did not exist at deployBlock - 1, so none of its events is older
    expect(
      await t.chain.publicClient.getCode({ address: t.vault.module, blockNumber: deployBlock - 1n }),
    ).toBe(undefined)
    await rpc('anvil_mine', [numberToHex(300)])

    // the owners add carol on a node that refuses any scan from before the deploy block or wider than 100 blocks
    const node = limitedNode(deployBlock, 100n)
    const withCarol = parsePolicy(yaml.replace('recipients:\n', `recipients:\n  carol: "${carol}"\n`))
    const { queued } = await setPolicy(node.client, {
      vault: t.vault,
      owners: t.owners,
      policy: withCarol,
      logRange: 100n,
    })
    expect(queued).toHaveLength(1)
    expect(node.asked[0]![0]).toBe(deployBlock)
    await rpc('evm_increaseTime', [numberToHex(86_401)])
    await rpc('anvil_mine', [numberToHex(200)])
    await t.chain.publicClient.waitForTransactionReceipt({
      hash: await t.chain.walletClient.writeContract({
        address: t.vault.module,
        abi: iSextantGuardModuleAbi,
        functionName: 'executeChange',
        args: [queued[0]!.changeNonce, queued[0]!.change],
      }),
    })

    // alice and bob were granted in the first range, carol 500 blocks later: all three are found
    const read = limitedNode(deployBlock, 100n)
    const { recipients } = await readModulePolicy(read.client, {
      module: t.vault.module,
      fromBlock: deployBlock,
      logRange: 100n,
    })
    expect(recipients).toEqual([t.alice, t.bob, carol].map((a) => getAddress(a)))
    const head = await t.chain.publicClient.getBlockNumber({ cacheTime: 0 })
    expect(read.asked.length).toBe(Math.ceil(Number(head - deployBlock + 1n) / 100))
    read.asked.forEach(([from, to], i) => {
      expect(from).toBe(i === 0 ? deployBlock : read.asked[i - 1]![1] + 1n)
      expect(to - from + 1n).toBeLessThanOrEqual(100n)
    })
    expect(read.asked.at(-1)![1]).toBe(head)

    // the default range (10,000 blocks) covers this short chain in one request
    const wide = limitedNode(deployBlock, 10_000n)
    const once = await readModulePolicy(wide.client, { module: t.vault.module, fromBlock: deployBlock })
    expect(once.recipients).toEqual(recipients)
    expect(wide.asked).toEqual([[deployBlock, head]])
  })

  it('names the refused range when the node rejects a scan (here: from block 0, before the deploy block)', async () => {
    const node = limitedNode(BigInt(t.vault.deployBlock), 10_000n)
    const head = await t.chain.publicClient.getBlockNumber({ cacheTime: 0 })
    const failed = readModulePolicy(node.client, { module: t.vault.module })
    await expect(failed).rejects.toBeInstanceOf(VaultChainError)
    await expect(failed).rejects.toThrow(`blocks 0..${head}`)
    // a range of 0 blocks would never advance
    await expect(readModulePolicy(t.chain, { module: t.vault.module, logRange: 0n })).rejects.toThrow(
      'invalid log range',
    )
  })

  it('a vault saved without deployBlock (an old vault file) still works, scanning from block 0', async () => {
    const { deployBlock: _, ...old } = t.vault
    const node = limitedNode(0n, 100n)
    const withoutBob = parsePolicy(
      yaml.replace(/ {2}bob: .*\n/, '').replace('recipients:\n', `recipients:\n  carol: "${carol}"\n`),
    )
    const { applied, queued } = await setPolicy(node.client, {
      vault: old,
      owners: t.owners,
      policy: withoutBob,
      logRange: 100n,
    })
    expect(applied).toHaveLength(1) // bob removed
    expect(queued).toEqual([])
    expect(node.asked[0]![0]).toBe(0n)
    const { recipients } = await readModulePolicy(node.client, { module: t.vault.module, logRange: 100n })
    expect(recipients).toEqual([t.alice, carol].map((a) => getAddress(a)))
  })
})

function defaultYaml(a: Record<string, Address>): string {
  return `version: 1
limits:
  ETH: { perTx: 0.5 ETH, windowCap: 1 ETH, window: 1h }
recipients:
  alice: "${a.alice}"
  bob: "${a.bob}"
sessionKey:
  validFor: 30d
  budget: { ETH: unlimited }
guardians: ["${a.guardian}"]
timelock: 1d
`
}
