import { connectChain } from '@sextant/chain/clients/connectChain'
import { launchpadAbi } from '@sextant/chain/generated/Launchpad'
import { launchpadTokenAbi } from '@sextant/chain/generated/LaunchpadToken'
import { uniswapV2PairAbi } from '@sextant/chain/generated/UniswapV2Pair'
import { wETH9Abi } from '@sextant/chain/generated/WETH9'
import { type Address, getAddress, type Hash, parseEther } from 'viem'
import { describe, expect, it } from 'vitest'
import { deployLaunchpad } from '../launchpad/deployLaunchpad.ts'
import { openSqliteEventStore } from '../store/openSqliteEventStore.ts'
import { createEvmIngester } from './createEvmIngester.ts'

describe('EVM ingestion of the Uniswap V2 pool after migration', () => {
  it('decodes the migration, a direct pool buy with its reserves, and a liquidity add from real pair logs', async () => {
    const chain = await connectChain()
    const store = await openSqliteEventStore({ path: ':memory:' })
    try {
      const { launchpad, weth } = await deployLaunchpad(chain)
      const me = chain.account.address
      const wait = async (hash: Hash) => chain.publicClient.waitForTransactionReceipt({ hash })
      const start = Number(await chain.publicClient.getBlockNumber()) + 1
      const launched = await wait(
        await chain.walletClient.writeContract({
          address: launchpad,
          abi: launchpadAbi,
          functionName: 'launch',
          args: ['Pool', 'POOL', 0n],
          value: parseEther('100'),
        }),
      )
      const launchLog = launched.logs.find((l) => l.address.toLowerCase() === launchpad.toLowerCase())!
      const token = getAddress(`0x${launchLog.topics[1]!.slice(26)}`)
      const pair = (await chain.publicClient.readContract({
        address: token,
        abi: launchpadTokenAbi,
        functionName: 'pair',
      })) as Address
      const token0 = (await chain.publicClient.readContract({
        address: pair,
        abi: uniswapV2PairAbi,
        functionName: 'token0',
      })) as Address
      const tokenIsToken0 = token0.toLowerCase() === token.toLowerCase()
      // A pool buy without a router: wrap, send WETH to the pair, swap out the tokens the constant product allows.
      const [r0, r1] = (await chain.publicClient.readContract({
        address: pair,
        abi: uniswapV2PairAbi,
        functionName: 'getReserves',
      })) as readonly [bigint, bigint, number]
      const [reserveToken, reserveWeth] = tokenIsToken0 ? [r0, r1] : [r1, r0]
      const wethIn = parseEther('2')
      const out = (wethIn * 997n * reserveToken) / (reserveWeth * 1000n + wethIn * 997n)
      await wait(
        await chain.walletClient.writeContract({
          address: weth,
          abi: wETH9Abi,
          functionName: 'deposit',
          value: parseEther('3'),
        }),
      )
      await wait(
        await chain.walletClient.writeContract({
          address: weth,
          abi: wETH9Abi,
          functionName: 'transfer',
          args: [pair, wethIn],
        }),
      )
      const [a0, a1] = tokenIsToken0 ? [out, 0n] : [0n, out]
      await wait(
        await chain.walletClient.writeContract({
          address: pair,
          abi: uniswapV2PairAbi,
          functionName: 'swap',
          args: [a0, a1, me, '0x'],
        }),
      )
      // A liquidity add by someone else: both tokens to the pair, then mint.
      await wait(
        await chain.walletClient.writeContract({
          address: token,
          abi: launchpadTokenAbi,
          functionName: 'transfer',
          args: [pair, out / 2n],
        }),
      )
      await wait(
        await chain.walletClient.writeContract({
          address: weth,
          abi: wETH9Abi,
          functionName: 'transfer',
          args: [pair, parseEther('1')],
        }),
      )
      await wait(
        await chain.walletClient.writeContract({
          address: pair,
          abi: uniswapV2PairAbi,
          functionName: 'mint',
          args: [me],
        }),
      )

      const ingester = await createEvmIngester({
        publicClient: chain.publicClient,
        store,
        launchpad,
        fromBlock: start,
      })
      await ingester.backfill()
      const events = await store.readEvents({ token })
      expect(events.map((e) => e.kind)).toEqual([
        'launch',
        'trade',
        'complete',
        'liquidity',
        'trade',
        'liquidity',
      ])
      const [, curveBuy, , migrate, poolBuy, add] = events
      expect(curveBuy).toMatchObject({ venue: 'curve', side: 'buy', reserves: { realToken: 0n } })
      expect(migrate).toMatchObject({ action: 'migrate', pool: pair, provider: launchpad })
      expect(poolBuy).toMatchObject({
        venue: 'pool',
        side: 'buy',
        trader: me,
        nativeAmount: wethIn,
        tokenAmount: out,
        fee: 0n,
      })
      if (poolBuy?.kind === 'trade' && migrate?.kind === 'liquidity') {
        expect(poolBuy.reserves).toEqual({
          virtualNative: migrate.nativeAmount + wethIn,
          virtualToken: migrate.tokenAmount - out,
          realNative: migrate.nativeAmount + wethIn,
          realToken: migrate.tokenAmount - out,
        })
      }
      expect(add).toMatchObject({
        action: 'add',
        provider: me,
        tokenAmount: out / 2n,
        nativeAmount: parseEther('1'),
      })
      // Neither the trade legs nor the deposits into the pair count as wallet-to-wallet transfers.
      expect(await store.countEvents({ kinds: ['transfer'] })).toBe(0)
    } finally {
      await store.close()
      await chain.close()
    }
  }, 60_000)
})
