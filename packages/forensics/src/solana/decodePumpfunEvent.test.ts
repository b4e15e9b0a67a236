import { base58, base64 } from '@scure/base'
import { describe, expect, it } from 'vitest'
import { anchorDiscriminator } from './anchorDiscriminator.ts'
import { decodePumpfunEvent } from './decodePumpfunEvent.ts'
import { decodePumpfunTransaction } from './decodePumpfunTransaction.ts'
import type { EventOrigin } from './PumpfunEvent.ts'
import { EVENT_CPI_TAG, PUMPFUN_EVENTS, PUMPFUN_PROGRAM_ID } from './pumpfunLayouts.ts'
import { BorshWriter } from './testing/BorshWriter.ts'

const origin: EventOrigin = {
  source: 'log',
  topLevelIndex: 0,
  invokedBy: undefined,
  instructionIndex: undefined,
}
const USER = 'CTfBTtxhtAyGEysdjp9owVQvjSwPjtrzEGB9ZgAKewsY'
const MINT = '457V2vvjqXTMFzivq9tvBqhDaxfke2523hHDB6brpump'
const CURVE = '7ZKtHsaGAy2J51evHKT7sRyrx2wbpvq1v3yZsGCqbuwj'
const POOL = '4UQeTP1T39KZ9Sfxzo3WR5skgsaP6NZa87BAkuazLEKH'

const completeEvent = () =>
  new BorshWriter()
    .bytes(PUMPFUN_EVENTS.CompleteEvent)
    .pubkey(USER)
    .pubkey(MINT)
    .pubkey(CURVE)
    .i64(1789483687n)
    .done()

const migrationEvent = () =>
  new BorshWriter()
    .bytes(PUMPFUN_EVENTS.CompletePumpAmmMigrationEvent)
    .pubkey(USER)
    .pubkey(MINT)
    .u64(206900000000000n)
    .u64(84990359067n)
    .u64(15000001n)
    .pubkey(CURVE)
    .i64(1789483690n)
    .pubkey(POOL)
    .done()

describe('decodePumpfunEvent', () => {
  it('decodes CompleteEvent (IDL layout, 104 bytes)', () => {
    expect(decodePumpfunEvent(completeEvent(), origin)).toEqual({
      event: {
        kind: 'complete',
        user: USER,
        mint: MINT,
        bondingCurve: CURVE,
        timestamp: 1789483687n,
        layout: { payloadLength: 104, layout: 'core', unknownLayout: false, extraBytes: 0 },
        origin,
      },
    })
  })

  it('decodes CompletePumpAmmMigrationEvent (IDL layout, 160 bytes)', () => {
    expect(decodePumpfunEvent(migrationEvent(), origin)).toEqual({
      event: {
        kind: 'migrate',
        user: USER,
        mint: MINT,
        mintAmount: 206900000000000n,
        solAmount: 84990359067n,
        poolMigrationFee: 15000001n,
        bondingCurve: CURVE,
        timestamp: 1789483690n,
        pool: POOL,
        layout: { payloadLength: 160, layout: 'core', unknownLayout: false, extraBytes: 0 },
        origin,
      },
    })
  })

  it('decodes the October 2026 CompleteEvent and migration event with their quote mint', () => {
    const usdc = 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v'
    const complete = decodePumpfunEvent(new BorshWriter().bytes(completeEvent()).pubkey(usdc).done(), origin)
    expect(complete).toMatchObject({
      event: { kind: 'complete', quoteMint: usdc, layout: { payloadLength: 136 } },
    })
    const migrate = decodePumpfunEvent(new BorshWriter().bytes(migrationEvent()).pubkey(usdc).done(), origin)
    expect(migrate).toMatchObject({
      event: {
        kind: 'migrate',
        pool: POOL,
        quoteMint: usdc,
        layout: { payloadLength: 192, unknownLayout: false },
      },
    })
  })

  it('flags a longer CompleteEvent and rejects a shorter one as malformed', () => {
    const longer = new BorshWriter().bytes(completeEvent()).bool(true).done()
    const decoded = decodePumpfunEvent(longer, origin)
    expect('event' in decoded && decoded.event.layout).toMatchObject({ unknownLayout: true, extraBytes: 1 })
    const shorter = decodePumpfunEvent(completeEvent().subarray(0, 100), origin)
    expect(shorter).toEqual({
      unrecognized: expect.objectContaining({
        name: 'CompleteEvent',
        reason: 'malformed',
        payloadLength: 92,
      }),
    })
  })

  it('names other pump.fun events, and reports unknown discriminators and short data', () => {
    const other = new BorshWriter().bytes(anchorDiscriminator('event', 'SetParamsEvent')).u64(1n).done()
    expect(decodePumpfunEvent(other, origin)).toMatchObject({
      unrecognized: { name: 'SetParamsEvent', reason: 'not-normalized' },
    })
    expect(decodePumpfunEvent(new Uint8Array(12).fill(7), origin)).toMatchObject({
      unrecognized: { name: undefined, reason: 'unknown-discriminator', payloadLength: 4 },
    })
    expect(decodePumpfunEvent(new Uint8Array(3), origin)).toMatchObject({
      unrecognized: { reason: 'malformed' },
    })
  })
})

describe('complete and migrate in a transaction', () => {
  it('decodes the migrate instruction and counts its events once (self-CPI + log)', () => {
    const keys = [USER, PUMPFUN_PROGRAM_ID, MINT, CURVE, POOL]
    // migrate accounts by IDL position: 2 mint, 3 bonding_curve, 5 user, 9 pool
    const migrateAccounts = [0, 0, 2, 3, 0, 0, 0, 0, 0, 4, 0, 0]
    const cpi = (event: Uint8Array) => ({
      programIdIndex: 1,
      accounts: [0],
      data: base58.encode(new BorshWriter().bytes(EVENT_CPI_TAG).bytes(event).done()),
      stackHeight: 2,
    })
    const log = (event: Uint8Array) => `Program data: ${base64.encode(event)}`
    const transaction = {
      slot: 1,
      transaction: {
        signatures: ['5'],
        message: {
          accountKeys: keys,
          instructions: [
            {
              programIdIndex: 1,
              accounts: migrateAccounts,
              data: base58.encode(anchorDiscriminator('global', 'migrate')),
            },
          ],
        },
      },
      meta: {
        err: null,
        innerInstructions: [{ index: 0, instructions: [cpi(completeEvent()), cpi(migrationEvent())] }],
        logMessages: [
          `Program ${PUMPFUN_PROGRAM_ID} invoke [1]`,
          'Program log: Instruction: Migrate',
          log(completeEvent()),
          `Program ${PUMPFUN_PROGRAM_ID} invoke [2]`,
          `Program ${PUMPFUN_PROGRAM_ID} success`,
          log(migrationEvent()),
          `Program ${PUMPFUN_PROGRAM_ID} invoke [2]`,
          `Program ${PUMPFUN_PROGRAM_ID} success`,
          `Program ${PUMPFUN_PROGRAM_ID} success`,
        ],
      },
    }
    const tx = decodePumpfunTransaction({ transaction })
    expect(tx.events.map((e) => [e.kind, e.origin.source, e.origin.instructionIndex])).toEqual([
      ['complete', 'self-cpi+log', 0],
      ['migrate', 'self-cpi+log', 0],
    ])
    expect(tx.instructions).toHaveLength(1)
    expect(tx.instructions[0]).toMatchObject({
      name: 'migrate',
      args: {},
      keyAccounts: { mint: MINT, bondingCurve: CURVE, user: USER, pool: POOL },
      argsInfo: { unknownLayout: false, extraBytes: 0 },
    })
  })
})
