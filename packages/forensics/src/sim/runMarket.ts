import type { ConnectChainReturnType } from '@sextant/chain/clients/connectChain'
import { type Account, type Hash, numberToHex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { SimulationError } from '../errors/SimulationError.ts'
import { deployLaunchpad } from '../launchpad/deployLaunchpad.ts'
import { encodeAction } from './encodeAction.ts'
import { SIM_MAX_FEE_PER_GAS } from './gasPlan.ts'
import type { MarketPlan, PlanAction } from './MarketPlan.ts'

type Client = Pick<ConnectChainReturnType, 'publicClient' | 'walletClient'>

/** Return type of {@link runMarket}: where the plan landed; pass it to `planToEvents` to get the same events. */
export type RunMarketReturnType = {
  origin: { block: number; timestamp: number }
  /** Transaction hash of each plan action, by index. */
  txHashes: Hash[]
  /** First and last block of the market (ingest this range). */
  fromBlock: number
  toBlock: number
}

/**
 * Executes a plan on an anvil node: deploys the launchpad from the plan's operator key, then plays every action
 * block by block with automine off, so actions planned for one block really share it, in the planned order
 * (ordered by priority fee and checked after mining). Only blocks with actions are mined (consecutive numbers
 * from the origin); each gets the timestamp of its offset, so the chain's events equal
 * `planToEvents(plan, result)`.
 *
 * @example
 * const chain = await connectChain()
 * const plan = planMarket({ seed: 1, scenario: 'hard-rug' })
 * const run = await runMarket(chain, plan)
 */
export async function runMarket(client: Client, plan: MarketPlan): Promise<RunMarketReturnType> {
  const { publicClient } = client
  const request = publicClient.request as (args: { method: string; params?: unknown[] }) => Promise<unknown>
  if (client.walletClient.account.address !== plan.funder) {
    throw new SimulationError('the client account is not the plan funder', {
      details: `${client.walletClient.account.address} ≠ ${plan.funder}`,
    })
  }
  const deployment = await deployLaunchpad(client, {
    operatorKey: plan.operatorKey,
    feeBps: plan.feeBps,
    migrationFee: plan.migrationFee,
  })
  for (const key of ['weth', 'factory', 'launchpad'] as const) {
    if (deployment[key] !== plan.deployment[key]) {
      throw new SimulationError('deployment addresses differ from the plan (operator key reused?)', {
        details: `${key}: ${deployment[key]} ≠ ${plan.deployment[key]}`,
      })
    }
  }
  const head = await publicClient.getBlock()
  const origin =
    head.number < BigInt(plan.origin.block) && head.timestamp < BigInt(plan.origin.timestamp)
      ? plan.origin
      : { block: Number(head.number) + 1, timestamp: Number(head.timestamp) + 1 }
  const accounts = new Map<string, Account>(
    plan.wallets.map((w) => [w.address, privateKeyToAccount(w.privateKey)]),
  )
  accounts.set(plan.funder, client.walletClient.account)
  const nonces = new Map<string, number>()
  const nonceOf = async (address: string) => {
    const known = nonces.get(address)
    if (known !== undefined) return known
    return publicClient.getTransactionCount({ address: address as `0x${string}`, blockTag: 'pending' })
  }
  const txHashes: Hash[] = []
  const chainId = await publicClient.getChainId()
  await request({ method: 'evm_setAutomine', params: [false] })
  try {
    if (origin === plan.origin && Number(head.number) < origin.block - 1) {
      await request({ method: 'anvil_mine', params: [numberToHex(origin.block - 1 - Number(head.number))] })
    }
    let mined = origin.block - 1
    for (let i = 0; i < plan.actions.length; ) {
      const offset = plan.actions[i]!.block
      const target = mined + 1
      const group: { index: number; action: PlanAction }[] = []
      while (i < plan.actions.length && plan.actions[i]!.block === offset)
        group.push({ index: i, action: plan.actions[i++]! })
      await request({
        method: 'evm_setNextBlockTimestamp',
        params: [numberToHex(origin.timestamp + offset * plan.blockTime)],
      })
      const sent: Hash[] = []
      for (const [position, { index, action }] of group.entries()) {
        const tx = encodeAction(plan, action)
        const account = accounts.get(tx.from)
        if (!account?.signTransaction)
          throw new SimulationError('no key for a plan sender', { details: tx.from })
        const nonce = await nonceOf(tx.from)
        nonces.set(tx.from, nonce + 1)
        const serialized = await account.signTransaction({
          chainId,
          type: 'eip1559',
          to: tx.to,
          data: tx.data,
          value: tx.value,
          gas: tx.gas,
          nonce,
          maxFeePerGas: SIM_MAX_FEE_PER_GAS,
          // Descending tips keep the planned order inside the block.
          maxPriorityFeePerGas: BigInt(group.length - position) * 1_000_000n,
        })
        const hash = await publicClient.sendRawTransaction({ serializedTransaction: serialized })
        txHashes[index] = hash
        sent.push(hash)
      }
      await request({ method: 'evm_mine', params: [] })
      mined = target
      await checkBlock(client, BigInt(target), sent)
    }
    return { origin, txHashes, fromBlock: origin.block, toBlock: mined }
  } finally {
    await request({ method: 'evm_setAutomine', params: [true] })
  }
}

async function checkBlock(client: Client, number: bigint, sent: Hash[]): Promise<void> {
  const block = await client.publicClient.getBlock({ blockNumber: number })
  if (block.transactions.join() !== sent.join()) {
    throw new SimulationError('block does not hold the planned transactions in order', {
      details: `block ${number}: ${block.transactions.length} txs, ${sent.length} sent`,
    })
  }
  const receipts = await Promise.all(sent.map((hash) => client.publicClient.getTransactionReceipt({ hash })))
  const failed = receipts.find((r) => r.status !== 'success')
  if (failed)
    throw new SimulationError('a planned transaction reverted', {
      details: `${failed.transactionHash} in block ${number}`,
    })
}
