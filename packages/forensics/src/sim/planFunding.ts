import type { Address } from 'viem'
import { SimulationError } from '../errors/SimulationError.ts'
import type { Rng } from './createRng.ts'
import { gasReserve } from './gasPlan.ts'
import type { PlanAction } from './MarketPlan.ts'

/** Parameters of {@link planFunding}. */
export type PlanFundingParameters = {
  rng: Rng
  /** The resolved trading actions, in order. */
  resolved: readonly PlanAction[]
  /** Wallet → who funds it (exchanges are funded by `funder`). */
  parents: ReadonlyMap<Address, Address>
  exchanges: readonly Address[]
  funder: Address
  /** Offset at which `funder` tops up the exchanges; nothing is funded earlier (default 0: the market's start). */
  fromBlock?: number
}

/** Return type of {@link planFunding}: every action in execution order, and the wallets that take part. */
export type PlanFundingReturnType = { actions: PlanAction[]; funded: Set<Address> }

const senderOf = (a: PlanAction): Address => (a.type === 'fund' || a.type === 'transfer' ? a.from : a.wallet)

/**
 * Funds every wallet that acts through its funding tree: each wallet receives, a few blocks before its first
 * transaction (or its first child's funding), exactly what it will spend (trade values, its children's
 * funding and a gas reserve per transaction) plus a little dust; exchanges are funded by `funder` at `fromBlock`
 * (0). A later phase of the market (after a migration) is funded by a second call from a later `fromBlock`: its
 * wallets get top-ups through the same funding trees.
 *
 * @example
 * const { actions } = planFunding({ rng, resolved, parents, exchanges, funder })
 */
export function planFunding(parameters: PlanFundingParameters): PlanFundingReturnType {
  const { rng, resolved, parents, exchanges, funder, fromBlock = 0 } = parameters
  const need = new Map<Address, bigint>()
  const firstUse = new Map<Address, number>()
  const children = new Map<Address, Address[]>()
  const addNeed = (w: Address, v: bigint) => need.set(w, (need.get(w) ?? 0n) + v)
  for (const a of resolved) {
    const sender = senderOf(a)
    if (!firstUse.has(sender)) firstUse.set(sender, a.block)
    addNeed(
      sender,
      gasReserve(a.type) + (a.type === 'launch' || a.type === 'buy' || a.type === 'wrap' ? a.value : 0n),
    )
  }
  // Walk up from the acting wallets so that every ancestor exists in `children` before it is funded.
  const funded = new Set<Address>()
  const visit = (w: Address) => {
    if (funded.has(w) || w === funder) return
    funded.add(w)
    const parent = parents.get(w)
    if (parent === undefined) return
    const list = children.get(parent) ?? []
    list.push(w)
    children.set(parent, list)
    visit(parent)
  }
  for (const w of firstUse.keys()) visit(w)
  // Each wallet is settled after its children (recursively): its amount covers theirs, its block precedes theirs.
  const fundBlock = new Map<Address, number>()
  const amount = new Map<Address, bigint>()
  const settle = (w: Address): void => {
    if (amount.has(w)) return
    let total = need.get(w) ?? 0n
    let earliest = firstUse.get(w) ?? Number.POSITIVE_INFINITY
    for (const child of children.get(w) ?? []) {
      settle(child)
      total += amount.get(child)! + gasReserve('fund')
      earliest = Math.min(earliest, fundBlock.get(child)!)
    }
    amount.set(w, total + rng.ether(0.001, 0.05))
    fundBlock.set(w, exchanges.includes(w) ? fromBlock : earliest - rng.int(1, 4))
  }
  for (const w of funded) settle(w)
  const fundings: PlanAction[] = []
  for (const w of funded) {
    const block = fundBlock.get(w)!
    if (block < fromBlock + (exchanges.includes(w) ? 0 : 1))
      throw new SimulationError('a wallet is funded too early in the plan', {
        details: `${w} at offset ${block}`,
      })
    fundings.push({ type: 'fund', block, from: parents.get(w)!, to: w, amount: amount.get(w)! })
  }
  fundings.sort((a, b) => a.block - b.block)
  const actions: PlanAction[] = []
  let i = 0
  for (const a of resolved) {
    while (i < fundings.length && fundings[i]!.block <= a.block) actions.push(fundings[i++]!)
    actions.push(a)
  }
  while (i < fundings.length) actions.push(fundings[i++]!)
  return { actions, funded }
}
