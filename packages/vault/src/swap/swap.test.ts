import { iSextantGuardModuleAbi } from '@sextant/chain/generated/ISextantGuardModule'
import { wETH9Abi } from '@sextant/chain/generated/WETH9'
import { type Address, encodeFunctionData, erc20Abi, getAddress, type Hash, type Hex, parseEther } from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { revertName } from '../chain/revertName.ts'
import { encodeMultiSend } from '../decode/encodeMultiSend.ts'
import { uniswapV2PairAbi } from '../decode/knownAbis.ts'
import { SwapError } from '../errors/VaultError.ts'
import { preflight } from '../preflight/preflight.ts'
import { execute } from '../sdk/execute.ts'
import { setupTestVault, type TestVault } from '../testing/setupTestVault.ts'
import { encodeSwapBatch } from './encodeSwapBatch.ts'
import { getAmountOut } from './getAmountOut.ts'
import { prepareSwap } from './prepareSwap.ts'
import { quoteSwap } from './quoteSwap.ts'

let t: TestVault
let pair: Address
let vt: Address
const user = { recipient: 'allowlist', amount: 'user', token: 'user' } as const

beforeAll(async () => {
  t = await setupTestVault({
    swapPair: true,
    policyYaml: (a) => `version: 1
tokens:
  WETH: { address: "${a.weth}", decimals: 18 }
  VT: { address: "${a.vt}", decimals: 18 }
limits:
  WETH: { perTx: 0.5 WETH, windowCap: 0.6 WETH, window: 1h }
  VT: { perTx: 1000 VT, windowCap: 2000 VT, window: 1h }
recipients:
  alice: "${a.alice}"
swaps:
  WETH-VT: "${a.pair}"
sessionKey:
  budget: { WETH: unlimited, VT: unlimited }
guardians: ["${a.guardian}"]
`,
  })
  pair = t.swap!.pair
  vt = t.swap!.token
}, 120_000)
afterAll(async () => t?.chain.close())

const tokens = () => [
  { symbol: 'WETH', address: t.weth, decimals: 18 },
  { symbol: 'VT', address: vt, decimals: 18 },
]
const balance = (token: Address, owner: Address) =>
  t.chain.publicClient.readContract({
    address: token,
    abi: erc20Abi,
    functionName: 'balanceOf',
    args: [owner],
  })
const mined = async (hash: Promise<Hash>) =>
  t.chain.publicClient.waitForTransactionReceipt({ hash: await hash })
/** The session key calls the module directly (no SDK, no pre-flight): what the chain itself enforces. */
const moduleRevert = async (to: Address, data: Hex) => {
  try {
    await t.chain.publicClient.simulateContract({
      account: t.agent,
      address: t.vault.module,
      abi: iSextantGuardModuleAbi,
      functionName: 'execute',
      args: [to, 0n, data],
    })
    return 'none'
  } catch (error) {
    return revertName(error)
  }
}
/** Someone else sells WETH into the pair first (the price of VT in WETH rises). */
const frontRun = async (amountIn: bigint) => {
  const quote = await quoteSwap(t.chain, { pair, tokenIn: t.weth, amountIn })
  await mined(
    t.chain.walletClient.writeContract({
      address: t.weth,
      abi: wETH9Abi,
      functionName: 'deposit',
      value: amountIn,
    }),
  )
  await mined(
    t.chain.walletClient.writeContract({
      address: t.weth,
      abi: wETH9Abi,
      functionName: 'transfer',
      args: [pair, amountIn],
    }),
  )
  const out = quote.zeroForOne ? ([0n, quote.amountOut] as const) : ([quote.amountOut, 0n] as const)
  await mined(
    t.chain.walletClient.sendTransaction({
      to: pair,
      data: encodeFunctionData({
        abi: uniswapV2PairAbi,
        functionName: 'swap',
        args: [out[0], out[1], t.chain.walletClient.account.address, '0x'],
      }),
    }),
  )
}

describe('swap through the vault (Uniswap V2 pair on anvil)', () => {
  it('getAmountOut is the exact Uniswap V2 formula (0.3% fee)', () => {
    const reserveIn = parseEther('100')
    const reserveOut = parseEther('200000')
    expect(getAmountOut({ amountIn: parseEther('1'), reserveIn, reserveOut })).toBe(
      (parseEther('1') * 997n * reserveOut) / (reserveIn * 1000n + parseEther('1') * 997n),
    )
    expect(() => getAmountOut({ amountIn: 0n, reserveIn, reserveOut })).toThrow(SwapError)
    expect(() => getAmountOut({ amountIn: 1n, reserveIn: 0n, reserveOut })).toThrow(/no liquidity/)
  })

  it('executes a swap within policy: the Safe pays exactly amountIn and receives exactly amountOut', async () => {
    const before = { weth: await balance(t.weth, t.vault.safe), vt: await balance(vt, t.vault.safe) }
    const prepared = await prepareSwap(t.chain, {
      vault: t.vault,
      pair,
      tokenIn: t.weth,
      amountIn: parseEther('0.3'),
      minAmountOut: parseEther('500'),
      slippageBps: 50,
      provenance: user,
      tokens: tokens(),
    })
    expect(prepared.quote.tokenOut).toBe(vt)
    expect(prepared.amountOut).toBe(prepared.quote.amountOut - (prepared.quote.amountOut * 50n) / 10_000n)
    const result = await execute(t.chain, {
      vault: t.vault,
      sessionKey: t.agent,
      request: prepared.request,
      tokens: tokens(),
    })
    expect(result.status).toBe('executed')
    expect(result.decision.call.swap).toMatchObject({
      pair,
      tokenIn: getAddress(t.weth),
      amountIn: parseEther('0.3'),
      tokenOut: vt,
      amountOut: prepared.amountOut,
      quotedOut: prepared.quote.amountOut,
      recipient: t.vault.safe,
      toSafe: true,
    })
    expect(result.decision.reason).toMatch(
      /^within policy: swap 0\.3 WETH for exactly [\d.]+ VT \(the minimum out/,
    )
    expect(result.decision.reason).toMatch(/output to the Safe$/)
    expect(result.decision.reservations).toEqual([{ token: getAddress(t.weth), amount: parseEther('0.3') }])
    expect(result.decision.simulation?.balanceChanges).toEqual([
      { token: getAddress(t.weth), delta: -parseEther('0.3') },
      { token: vt, delta: prepared.amountOut },
    ])
    expect(await balance(t.weth, t.vault.safe)).toBe(before.weth - parseEther('0.3'))
    expect(await balance(vt, t.vault.safe)).toBe(before.vt + prepared.amountOut)
  })

  it('denies a swap whose output goes to an attacker, or that asks for a callback; the module reverts both', async () => {
    const quote = await quoteSwap(t.chain, { pair, tokenIn: t.weth, amountIn: parseEther('0.1') })
    const stolen = encodeSwapBatch({
      pair,
      tokenIn: t.weth,
      amountIn: parseEther('0.1'),
      amount0Out: quote.zeroForOne ? 0n : quote.amountOut,
      amount1Out: quote.zeroForOne ? quote.amountOut : 0n,
      to: t.mallory,
    })
    const to = t.vault.singletons.multiSendCallOnly
    const decision = await preflight(t.chain, {
      module: t.vault.module,
      sessionKey: t.agent.address,
      to,
      value: 0n,
      data: stolen,
      provenance: user,
      tokens: tokens(),
    })
    expect(decision.decision).toBe('deny')
    expect(decision.rule).toBe('policy.ConditionFailed')
    expect(decision.reason).toBe(`argument 2 of 0x022c0d9f on ${pair} fails its condition`)
    expect(decision.call.swap).toMatchObject({ recipient: t.mallory, toSafe: false })
    expect(decision.call.explanation).toMatch(new RegExp(`output to ${t.mallory}, NOT the Safe$`))
    expect(await moduleRevert(to, stolen)).toBe('ConditionFailed')

    const callback = encodeMultiSend([
      {
        to: t.weth,
        value: 0n,
        data: encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [pair, 1n] }),
      },
      {
        to: pair,
        value: 0n,
        data: encodeFunctionData({
          abi: uniswapV2PairAbi,
          functionName: 'swap',
          args: [0n, 0n, t.vault.safe, '0x01'],
        }),
      },
    ])
    expect(await moduleRevert(to, callback)).toBe('ConditionFailed')
  })

  it('denies a swap over the rolling window cap (the input counts as spending); the module reverts it', async () => {
    // 0.3 WETH already swapped in this window (cap 0.6): 0.4 more is over.
    const prepared = await prepareSwap(t.chain, {
      vault: t.vault,
      pair,
      tokenIn: t.weth,
      amountIn: parseEther('0.4'),
      provenance: user,
      tokens: tokens(),
    })
    const result = await execute(t.chain, {
      vault: t.vault,
      sessionKey: t.agent,
      request: prepared.request,
      tokens: tokens(),
    })
    expect(result.status).toBe('denied')
    expect(result.decision.rule).toBe('policy.WindowCapExceeded')
    expect(result.decision.reason).toBe(
      '0.3 WETH already spent in the rolling window + 0.4 WETH is above the window cap of 0.6 WETH',
    )
    expect(await moduleRevert(prepared.request.to, prepared.request.data)).toBe('WindowCapExceeded')
  })

  it('min out is exact on-chain: after an adverse move a zero-slippage swap reverts, a tolerant one gets exactly its amount', async () => {
    const amountIn = parseEther('0.1')
    const exact = await prepareSwap(t.chain, {
      vault: t.vault,
      pair,
      tokenIn: t.weth,
      amountIn,
      provenance: user,
    })
    const tolerant = await prepareSwap(t.chain, {
      vault: t.vault,
      pair,
      tokenIn: t.weth,
      amountIn,
      slippageBps: 200,
      provenance: user,
    })
    // Asking one unit more than the quote is what the pair's K-check refuses.
    const greedy = encodeSwapBatch({
      pair,
      tokenIn: t.weth,
      amountIn,
      amount0Out: exact.quote.zeroForOne ? 0n : exact.amountOut + 1n,
      amount1Out: exact.quote.zeroForOne ? exact.amountOut + 1n : 0n,
      to: t.vault.safe,
    })
    expect(await moduleRevert(exact.request.to, greedy)).toBe('CallFailed')
    expect(await moduleRevert(exact.request.to, exact.request.data)).toBe('none')

    await frontRun(parseEther('0.5')) // moves the price ~1% against the vault
    const safeWeth = await balance(t.weth, t.vault.safe)
    const refused = await execute(t.chain, { vault: t.vault, sessionKey: t.agent, request: exact.request })
    expect(refused.status).toBe('denied')
    expect(refused.decision.rule).toBe('simulation.CallFailed')
    expect(await moduleRevert(exact.request.to, exact.request.data)).toBe('CallFailed')
    expect(await balance(t.weth, t.vault.safe)).toBe(safeWeth)

    const vtBefore = await balance(vt, t.vault.safe)
    const ok = await execute(t.chain, { vault: t.vault, sessionKey: t.agent, request: tolerant.request })
    expect(ok.status).toBe('executed')
    expect(await balance(vt, t.vault.safe)).toBe(vtBefore + tolerant.amountOut)
    expect(await balance(t.weth, t.vault.safe)).toBe(safeWeth - amountIn)
  })

  it('refuses to prepare a swap whose quote is below the minimum, or on a token the pair does not hold', async () => {
    const args = { vault: t.vault, pair, tokenIn: t.weth, amountIn: parseEther('0.01') }
    await expect(prepareSwap(t.chain, { ...args, minAmountOut: parseEther('1000') })).rejects.toThrow(
      /quote below the minimum out/,
    )
    await expect(prepareSwap(t.chain, { ...args, tokenIn: t.alice })).rejects.toThrow(
      /token is not in the pair/,
    )
    await expect(prepareSwap(t.chain, { ...args, slippageBps: 10_000 })).rejects.toThrow(SwapError)
  })
})
