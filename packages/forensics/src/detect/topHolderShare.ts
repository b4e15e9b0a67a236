/**
 * Share of `totalSupply` held by the `n` largest balances (0 when the supply is 0). Pools and the curve
 * are not holders: leave them out of `balances`.
 *
 * @example
 * topHolderShare(state.balances, 10n ** 27n, 10) // 0.31
 */
export function topHolderShare(balances: Iterable<bigint>, totalSupply: bigint, n = 10): number {
  if (totalSupply <= 0n) return 0
  const top: bigint[] = []
  for (const b of balances) {
    if (b <= 0n) continue
    if (top.length < n) {
      top.push(b)
      top.sort((x, y) => (x < y ? 1 : x > y ? -1 : 0))
    } else if (b > top[n - 1]!) {
      top[n - 1] = b
      top.sort((x, y) => (x < y ? 1 : x > y ? -1 : 0))
    }
  }
  const sum = top.reduce((a, b) => a + b, 0n)
  return Number((sum * 1_000_000n) / totalSupply) / 1_000_000
}
