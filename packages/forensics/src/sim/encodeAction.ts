import { launchpadAbi } from '@sextant/chain/generated/Launchpad'
import { launchpadTokenAbi } from '@sextant/chain/generated/LaunchpadToken'
import { uniswapV2PairAbi } from '@sextant/chain/generated/UniswapV2Pair'
import { wETH9Abi } from '@sextant/chain/generated/WETH9'
import { type Address, encodeFunctionData, type Hex, maxUint256 } from 'viem'
import { SIM_GAS_LIMITS } from './gasPlan.ts'
import type { MarketPlan, PlanAction } from './MarketPlan.ts'

/** A plan action as a transaction: sender, target, calldata, value and gas limit. */
export type EncodedAction = { from: Address; to: Address; data: Hex; value: bigint; gas: bigint }

/**
 * Encodes one plan action as the transaction `runMarket` sends (no slippage limits, no deadline: the plan
 * already knows the outcome). Pool trades go to the Uniswap V2 pair directly, without a router: WETH or tokens
 * are paid into the pair, then `swap` sends the output to the wallet.
 *
 * @example
 * const tx = encodeAction(plan, plan.actions[0]!)
 */
export function encodeAction(plan: MarketPlan, action: PlanAction): EncodedAction {
  const gas = SIM_GAS_LIMITS[action.type]
  const launchpad = plan.deployment.launchpad
  switch (action.type) {
    case 'fund':
      return { from: action.from, to: action.to, data: '0x', value: action.amount, gas }
    case 'launch': {
      const t = plan.tokens[action.token]!
      const data = encodeFunctionData({
        abi: launchpadAbi,
        functionName: 'launch',
        args: [t.name, t.symbol, 0n],
      })
      return { from: action.wallet, to: launchpad, data, value: action.value, gas }
    }
    case 'buy': {
      const token = plan.tokens[action.token]!.address
      const data = encodeFunctionData({
        abi: launchpadAbi,
        functionName: 'buy',
        args: [token, 0n, maxUint256],
      })
      return { from: action.wallet, to: launchpad, data, value: action.value, gas }
    }
    case 'sell': {
      const token = plan.tokens[action.token]!.address
      const args = [token, action.tokenAmount, 0n, maxUint256] as const
      const data = encodeFunctionData({ abi: launchpadAbi, functionName: 'sell', args })
      return { from: action.wallet, to: launchpad, data, value: 0n, gas }
    }
    case 'approve': {
      const token = plan.tokens[action.token]!.address
      const data = encodeFunctionData({
        abi: launchpadTokenAbi,
        functionName: 'approve',
        args: [launchpad, maxUint256],
      })
      return { from: action.wallet, to: token, data, value: 0n, gas }
    }
    case 'transfer': {
      const token = plan.tokens[action.token]!.address
      const data = encodeFunctionData({
        abi: launchpadTokenAbi,
        functionName: 'transfer',
        args: [action.to, action.amount],
      })
      return { from: action.from, to: token, data, value: 0n, gas }
    }
    case 'wrap': {
      const data = encodeFunctionData({ abi: wETH9Abi, functionName: 'deposit' })
      return { from: action.wallet, to: plan.deployment.weth, data, value: action.value, gas }
    }
    case 'poolPay': {
      const t = plan.tokens[action.token]!
      const data = encodeFunctionData({
        abi: launchpadTokenAbi,
        functionName: 'transfer',
        args: [t.pair, action.amount],
      })
      const to = action.asset === 'native' ? plan.deployment.weth : action.asset === 'lp' ? t.pair : t.address
      return { from: action.wallet, to, data, value: 0n, gas }
    }
    case 'liquidity': {
      const t = plan.tokens[action.token]!
      const functionName = action.action === 'add' ? 'mint' : 'burn'
      const data = encodeFunctionData({ abi: uniswapV2PairAbi, functionName, args: [action.wallet] })
      return { from: action.wallet, to: t.pair, data, value: 0n, gas }
    }
    case 'swap': {
      const t = plan.tokens[action.token]!
      // The pair orders its assets by address; the output is WETH on a sell, the token on a buy.
      const tokenIsToken0 = t.address.toLowerCase() < plan.deployment.weth.toLowerCase()
      const outIsToken0 = (action.side === 'buy') === tokenIsToken0
      const args = [
        outIsToken0 ? action.amountOut : 0n,
        outIsToken0 ? 0n : action.amountOut,
        action.wallet,
        '0x',
      ] as const
      const data = encodeFunctionData({ abi: uniswapV2PairAbi, functionName: 'swap', args })
      return { from: action.wallet, to: t.pair, data, value: 0n, gas }
    }
  }
}
