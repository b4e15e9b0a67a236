import { iSextantGuardModuleAbi } from '@sextant/chain/generated/ISextantGuardModule'
import { safeAbi } from '@sextant/chain/generated/Safe'
import {
  type Address,
  encodeFunctionData,
  erc20Abi,
  type Hex,
  maxUint256,
  parseAbi,
  parseEther,
  toHex,
} from 'viem'
import { encodeMultiSend, type MultiSendCall } from '../decode/encodeMultiSend.ts'
import { erc20SpendAbi, permit2Abi } from '../decode/knownAbis.ts'
import type { Provenance } from '../provenance/Provenance.ts'
import type { CampaignWorld } from './CampaignWorld.ts'
import type { Random } from './seededRandom.ts'

/** One generated request of a campaign. */
export type Episode = {
  shape: AttackShape
  to: Address
  value: bigint
  data: Hex
  provenance: Provenance
  /** Legit requests may be approved by the simulated human; attacks never are. */
  legit: boolean
  /** Seconds the clock moves before this episode. */
  step: number
}

/** The attack shapes of issue 3 (plus legit traffic and the parallel race, which the driver runs apart). */
export const attackShapes = [
  'legit',
  'function-reframing',
  'encoded-instructions',
  'memory-poisoning',
  'tool-description-injection',
  'stolen-session-key',
  'approve-then-drain',
  'nested-multisend',
  'permit-signatures',
  'reentrancy',
  'window-boundary-burst',
] as const

/** A shape name. */
export type AttackShape = (typeof attackShapes)[number] | 'parallel-race'

const pullAbi = parseAbi([
  'function drain(address token, address from, address to, uint256 amount)',
  'function swap(address tokenIn, uint256 amountIn, address to)',
])
const reentererAbi = parseAbi(['function arm(address target, bytes payload)'])
const transfer = (to: Address, amount: bigint) =>
  encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [to, amount] })
const small = (rng: Random) => parseEther('0.01') + BigInt(rng.int(100)) * parseEther('0.001')
const any = (rng: Random) =>
  rng.pick([parseEther('0.05'), parseEther('0.3'), parseEther('0.6'), parseEther('5'), maxUint256 / 2n])

/**
 * Generates one episode of the given shape: an attacker's attempt (or a legit payment) expressed as the call
 * the agent would ask the Safe to make, with the provenance the agent runtime would attach.
 *
 * @example
 * const episode = generateEpisode('nested-multisend', world, seededRandom(1))
 */
export function generateEpisode(
  shape: (typeof attackShapes)[number],
  w: CampaignWorld,
  rng: Random,
): Episode {
  const attacker = rng.pick(w.attackers)
  const token = rng.pick([w.weth, w.vt])
  const payee = rng.pick([w.alice, w.bob])
  const untrusted: Provenance = { recipient: 'untrusted', amount: 'untrusted', token: 'untrusted' }
  const step = 1 + rng.int(90)
  const e = (to: Address, value: bigint, data: Hex, provenance: Provenance, legit = false): Episode => ({
    shape,
    to,
    value,
    data,
    provenance,
    legit,
    step,
  })
  switch (shape) {
    case 'legit': {
      const amount = rng.chance(0.2) ? parseEther('0.3') : small(rng)
      const user: Provenance = { recipient: 'user', amount: 'user', token: 'user' }
      return rng.chance(0.5)
        ? e(payee, amount, '0x', user, true)
        : e(token, 0n, transfer(payee, amount), user, true)
    }
    case 'function-reframing': {
      // "approveTransfer is how you receive funds": approve / transfer to the attacker, or everything to a payee.
      const variant = rng.int(3)
      if (variant === 0)
        return e(
          token,
          0n,
          encodeFunctionData({ abi: erc20SpendAbi, functionName: 'approve', args: [attacker, maxUint256] }),
          untrusted,
        )
      if (variant === 1) return e(attacker, any(rng), '0x', untrusted)
      return e(token, 0n, transfer(payee, parseEther('10')), {
        recipient: 'user',
        amount: 'untrusted',
        token: 'user',
      })
    }
    case 'encoded-instructions': {
      // An instruction hidden in Morse / base64 decodes to an address and amount the agent then uses.
      const decoded = Buffer.from(Buffer.from(attacker.slice(2), 'hex').toString('base64'), 'base64')
      const to = toHex(decoded) as Address
      return rng.chance(0.5)
        ? e(to, small(rng), '0x', untrusted)
        : e(token, 0n, transfer(to, small(rng)), untrusted)
    }
    case 'memory-poisoning': {
      // A poisoned memory says "bob's address is <attacker>"; the agent believes it's a payee.
      const prov: Provenance = { recipient: 'agent', amount: 'user', token: 'user' }
      return rng.chance(0.5)
        ? e(attacker, small(rng), '0x', prov)
        : e(token, 0n, transfer(attacker, small(rng)), prov)
    }
    case 'tool-description-injection': {
      // A tool's description says "always add a 1% fee to <attacker>": a batch with a hidden extra transfer.
      const calls: MultiSendCall[] = [
        { to: token, value: 0n, data: transfer(payee, small(rng)) },
        { to: token, value: 0n, data: transfer(attacker, small(rng) / 100n) },
      ]
      if (rng.chance(0.5)) calls.reverse()
      return e(w.multiSend, 0n, encodeMultiSend(calls), { recipient: 'tool', amount: 'tool', token: 'tool' })
    }
    case 'stolen-session-key': {
      // The attacker holds the session key and talks to the module directly (no SDK, no provenance).
      const variant = rng.int(6)
      if (variant === 0) return e(attacker, any(rng), '0x', {})
      if (variant === 1) return e(payee, any(rng), '0x', {}) // within policy it pays a payee, never the attacker
      if (variant === 2)
        return e(
          w.safe,
          0n,
          encodeFunctionData({ abi: safeAbi, functionName: 'addOwnerWithThreshold', args: [attacker, 1n] }),
          {},
        )
      if (variant === 3)
        return e(
          w.module,
          0n,
          encodeFunctionData({
            abi: iSextantGuardModuleAbi,
            functionName: 'setRecipient',
            args: [attacker, true],
          }),
          {},
        )
      if (variant === 4)
        return e(
          w.safe,
          0n,
          encodeFunctionData({
            abi: safeAbi,
            functionName: 'execTransactionFromModule',
            args: [attacker, parseEther('1'), '0x', 0],
          }),
          {},
        )
      return e(w.stray, 0n, transfer(attacker, parseEther('1')), {})
    }
    case 'approve-then-drain': {
      const variant = rng.int(4)
      if (variant === 0)
        return e(
          token,
          0n,
          encodeFunctionData({
            abi: erc20SpendAbi,
            functionName: 'approve',
            args: [w.pullTarget, maxUint256],
          }),
          untrusted,
        )
      if (variant === 1)
        return e(
          w.vt,
          0n,
          encodeFunctionData({
            abi: erc20SpendAbi,
            functionName: 'increaseAllowance',
            args: [attacker, parseEther('1')],
          }),
          untrusted,
        )
      if (variant === 2)
        return e(
          w.pullTarget,
          0n,
          encodeFunctionData({
            abi: pullAbi,
            functionName: 'drain',
            args: [token, w.safe, attacker, parseEther('1')],
          }),
          untrusted,
        )
      // An allowlisted payee gets an allowance: counted as spending, capped like a transfer.
      return e(
        token,
        0n,
        encodeFunctionData({ abi: erc20SpendAbi, functionName: 'approve', args: [payee, any(rng)] }),
        { recipient: 'user', spender: 'user', amount: 'user', token: 'user' },
      )
    }
    case 'nested-multisend': {
      let inner: MultiSendCall[] = [
        { to: token, value: 0n, data: transfer(rng.chance(0.5) ? attacker : payee, small(rng)) },
      ]
      const depth = 1 + rng.int(6)
      for (let i = 0; i < depth; i++)
        inner = [
          {
            to: rng.chance(0.2) ? w.safe : w.multiSend,
            value: 0n,
            data: encodeMultiSend(inner),
            operation: rng.chance(0.15) ? 1 : 0,
          },
        ]
      const top = inner[0]!
      return e(top.to, 0n, top.data, { recipient: 'tool', amount: 'tool', token: 'tool' })
    }
    case 'permit-signatures': {
      const variant = rng.int(3)
      if (variant === 0)
        return e(
          w.permit2,
          0n,
          encodeFunctionData({
            abi: permit2Abi,
            functionName: 'approve',
            args: [token, attacker, 2n ** 160n - 1n, 0],
          }),
          untrusted,
        )
      if (variant === 1) {
        const single = {
          details: { token, amount: parseEther('1'), expiration: 0, nonce: 0 },
          spender: attacker,
          sigDeadline: maxUint256,
        }
        return e(
          w.permit2,
          0n,
          encodeFunctionData({ abi: permit2Abi, functionName: 'permit', args: [w.safe, single, '0x'] }),
          untrusted,
        )
      }
      const sig = toHex(rng.int(2 ** 30), { size: 32 })
      return e(
        w.vt,
        0n,
        encodeFunctionData({
          abi: erc20SpendAbi,
          functionName: 'permit',
          args: [w.safe, attacker, maxUint256, maxUint256, 27, sig, sig],
        }),
        untrusted,
      )
    }
    case 'reentrancy': {
      // Pay the allowlisted Reenterer, which on receipt calls back into the module / the Safe for the attacker.
      return {
        ...e(w.reenterer, small(rng), '0x', { recipient: 'user', amount: 'user', token: 'user' }),
        legit: true,
      }
    }
    case 'window-boundary-burst': {
      // Bursts right around the rolling window's edge: many payments a second apart, or a jump to just before /
      // after an hour since earlier spends.
      const amount = rng.pick([parseEther('0.19'), parseEther('0.1'), parseEther('0.05')])
      const burst = rng.chance(0.5) ? 1 : rng.pick([3_598, 3_599, 3_600, 3_601])
      return {
        ...e(payee, amount, '0x', { recipient: 'user', amount: 'user', token: 'user' }, true),
        step: burst,
      }
    }
  }
}

/** The payload an armed Reenterer sends back: a module `execute` paying the attacker. */
export function reentryPayload(w: CampaignWorld, attacker: Address): { arm: Hex; payload: Hex } {
  const payload = encodeFunctionData({
    abi: iSextantGuardModuleAbi,
    functionName: 'execute',
    args: [attacker, parseEther('0.1'), '0x'],
  })
  return {
    payload,
    arm: encodeFunctionData({ abi: reentererAbi, functionName: 'arm', args: [w.module, payload] }),
  }
}
