/**
 * Short names a policy may use for well-known functions, with the signatures (and argument names) they mean.
 *
 * @example
 * knownFunctions.transfer // 'transfer(address to, uint256 amount)'
 */
export const knownFunctions: Record<string, string> = {
  transfer: 'transfer(address to, uint256 amount)',
  transferFrom: 'transferFrom(address from, address to, uint256 amount)',
  approve: 'approve(address spender, uint256 amount)',
  increaseAllowance: 'increaseAllowance(address spender, uint256 amount)',
  permit:
    'permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s)',
}
