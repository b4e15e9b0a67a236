import { describe, expect, it } from 'vitest'
import { decodePumpfunTransaction } from './decodePumpfunTransaction.ts'
import type { PumpfunEvent } from './PumpfunEvent.ts'
import { PUMPFUN_PROGRAM_ID } from './pumpfunLayouts.ts'
import { listPumpfunFixtures, readPumpfunFixture } from './testing/fixtures.ts'

const decodeFixture = (name: string) => decodePumpfunTransaction({ transaction: readPumpfunFixture(name) })
const trades = (events: PumpfunEvent[]) => events.filter((e) => e.kind === 'buy' || e.kind === 'sell')

type Expected = {
  signature: string
  slot: number | undefined
  blockTime: number | undefined
  encoding: string
  version: 'legacy' | 0
  kinds: string[]
  instructions: string[]
}

const EXPECTED: Record<string, Expected> = {
  'buy-217-2ghHZXwy.json': {
    signature: '2ghHZXwyU6K1Q8KMJbLJg37ktmyctKmdzzZKGDvHk1MR865dDYyo8SfrKvmvijT43P6hdu6ozPtATiMeg2STszhc',
    slot: 356410419,
    blockTime: 1753751878,
    encoding: 'base64',
    version: 'legacy',
    kinds: ['buy'],
    instructions: ['buy'],
  },
  'buy-217-3mpAjSPh.json': {
    signature: '3mpAjSPh3w9RZpPZURbV2nxbrykLfEJfPCe4xL2Sba5vwUaHDPYh15ktY5BHY7zRMeoMGNNdQzCiDjy1XSACNSMY',
    slot: undefined,
    blockTime: undefined,
    encoding: 'base64',
    version: 'legacy',
    kinds: ['buy'],
    instructions: ['buy'],
  },
  'buy-350-2m5nWLnD.json': {
    signature: '2m5nWLnDSbM5SEGCnRxuftg5PFFZR6kziuNQbmrmqtEhbH81PyKVeEsipiXaFQxnerN8zQYB2XRwozrjoZheFDuG',
    slot: 435948490,
    blockTime: 1785328584,
    encoding: 'jsonParsed',
    version: 0,
    kinds: ['buy'],
    instructions: ['buy_v2'],
  },
  'create-121-3sWBncNG.json': {
    signature: '3sWBncNG3ZKjVh5DE5TGpbiavBTyBLb8h5H7hPaLaFhirbJArCru7eLXLL7M9TWAEUBBUAoHZkX2uqyYj5ij9Z7',
    slot: undefined,
    blockTime: undefined,
    encoding: 'base64',
    version: 0,
    kinds: ['create', 'buy'],
    instructions: ['create', 'buy'],
  },
  'create-258-3ejAydeP.json': {
    signature: '3ejAydePsZTUfeZaU9eiAM37gV5AYPG9hhyMtUobJLQtSMgroDeiE8njXu2JiwMyX5YJLp3vrfNPy89S7EDdUCAy',
    slot: 389243886,
    blockTime: 1766735233,
    encoding: 'base64',
    version: 0,
    kinds: ['create', 'buy'],
    instructions: ['create', 'extend_account', 'buy'],
  },
  'create-350-5EDHe12K.json': {
    signature: '5EDHe12KqokKkhDLY8n5cs7hYs5g49mNFTMKHARafs9FMVBYcG1rYf7VD4h1zd19G7zaXGNLqqyTsczPXbbafYuZ',
    slot: undefined,
    blockTime: undefined,
    encoding: 'base64',
    version: 0,
    kinds: ['create', 'buy'],
    instructions: ['create_v2', 'buy'],
  },
  'create-366-4SUHkAKc.json': {
    signature: '4SUHkAKcAMfJ1VBsmNsScbjED39DiV7AKJRra4EP9kydjQGsgSbTowvjHhCqZf4fgMdgj6X74dgXrkA4JzV5jvx9',
    slot: 447276547,
    blockTime: 1789483687,
    encoding: 'json',
    version: 0,
    kinds: ['create', 'buy'],
    instructions: ['create_v2', 'buy_v2'],
  },
  'sell-121-33LHUzKf.json': {
    signature: '33LHUzKfhBvU68kYib22oFx2XdQKQZ2sfvTmmdCFEr6YidyP8S3WwAurjz6Suewvr2WUByV79K3stNCZDe7wq3De',
    slot: 284677332,
    blockTime: 1724126293,
    encoding: 'jsonParsed',
    version: 0,
    kinds: ['buy', 'sell'],
    instructions: ['buy', 'sell'],
  },
}

describe('decodePumpfunTransaction: every fixture in shared/fixtures/pumpfun', () => {
  const names = listPumpfunFixtures()

  it('finds the fixtures', () => {
    expect(names.length).toBeGreaterThanOrEqual(8)
  })

  it.each(names)('%s decodes, with the kind and TradeEvent length its name gives', (name) => {
    const tx = decodeFixture(name)
    expect(tx.touchesPumpfun).toBe(true)
    expect(tx.flags.failed).toBe(false)
    const [kind, length, sigPrefix] = name.replace(/\.json$/, '').split('-')
    expect(tx.signature?.startsWith(sigPrefix!)).toBe(true)
    expect(tx.events.length).toBeGreaterThan(0)
    if (kind === 'create') expect(tx.events.some((e) => e.kind === 'create')).toBe(true)
    else expect(tx.events.some((e) => e.kind === kind)).toBe(true)
    const lengths = trades(tx.events).map((e) => e.layout.payloadLength)
    expect(lengths).toContain(Number(length))
    for (const e of tx.events) {
      expect(e.mint).toMatch(/^[1-9A-HJ-NP-Za-km-z]{32,44}$/)
      if (e.layout.unknownLayout) expect(tx.flags.unknownLayout).toBe(true)
    }
  })

  it.each(Object.entries(EXPECTED))('%s: signature, slot, encoding, events, instructions', (name, want) => {
    const tx = decodeFixture(name)
    expect(tx.signature).toBe(want.signature)
    expect(tx.slot).toBe(want.slot)
    expect(tx.blockTime).toBe(want.blockTime)
    expect(tx.encoding).toBe(want.encoding)
    expect(tx.version).toBe(want.version)
    expect(tx.events.map((e) => e.kind)).toEqual(want.kinds)
    expect(tx.instructions.map((ix) => ix.name)).toEqual(want.instructions)
    expect(tx.flags).toMatchObject({ unknownLayout: false, logsTruncated: false, unresolvedAccounts: false })
    expect(tx.flags.logAnomalies).toBe(0)
    for (const e of tx.events) expect(e.origin.source).toBe('self-cpi+log')
  })
}, 60_000)

describe('decodePumpfunTransaction: values per fixture', () => {
  it('sell-121: top-level buy then sell of the same mint (jsonParsed, full JSON-RPC response)', () => {
    const tx = decodeFixture('sell-121-33LHUzKf.json')
    const [buy, sell] = tx.events
    const common = {
      mint: 'HfJVjBdkhAD2ynVM8PdTSii4ECZdsxNTCx5wpEqUpump',
      trader: '2vr538qDgHCPYmr2mjt5LSjQ3kBYjtw3SDSveUKBVkef',
      tokenAmount: 605426095720n,
      timestamp: 1724126293n,
    }
    expect(buy).toMatchObject({ kind: 'buy', isBuy: true, solAmount: 24080282n, ...common })
    expect(sell).toMatchObject({ kind: 'sell', isBuy: false, solAmount: 24080281n, ...common })
    expect(buy?.layout).toEqual({
      payloadLength: 121,
      layout: 'realReserves',
      unknownLayout: false,
      extraBytes: 0,
    })
    expect(buy && 'feeRecipient' in buy).toBe(false)
    expect(tx.instructions[0]?.args).toEqual({ amount: 605426095720n, maxSolCost: 36096122n })
    expect(tx.instructions[1]?.args).toEqual({ amount: 605426095720n, minSolOutput: 12032n })
    expect(tx.instructions[1]?.keyAccounts).toEqual({
      mint: common.mint,
      bondingCurve: '6fogeBTRjgm9Kb9dVtqpjDf6bGvjGgdScmTu5nCVPJPn',
      user: common.trader,
    })
    expect(buy?.origin).toEqual({
      source: 'self-cpi+log',
      topLevelIndex: 2,
      invokedBy: undefined,
      instructionIndex: 0,
    })
    expect(sell?.origin.instructionIndex).toBe(1)
  })

  it('create-121: CreateEvent (185 bytes) and the dev buy (121 bytes), blockSubscribe wire transaction', () => {
    const tx = decodeFixture('create-121-3sWBncNG.json')
    const [create, buy] = tx.events
    expect(create).toMatchObject({
      kind: 'create',
      name: 'dod',
      symbol: 'DOD',
      uri: 'https://cf-ipfs.com/ipfs/QmY1m2owhjBZzy1MthYmWin3XwGimGKWC5ZwNXPCbbaB1k',
      mint: 'Dosp4t6w5kDzAgBQBMEsZSUNzdwTC5zHYiVZQqMKpump',
      bondingCurve: '52EdRamuJQsj94DnpLBguCfXx8cGbyJiFBL5n1hmP5Ln',
      user: 'Ha3MnRTxb5iGbXkjCTF2VyLPSsbCaNG4ZaJkHaoQWqJ9',
      layout: { payloadLength: 185, layout: 'core', unknownLayout: false, extraBytes: 0 },
    })
    expect(create && 'creator' in create).toBe(false)
    expect(buy).toMatchObject({
      kind: 'buy',
      solAmount: 1100000000n,
      tokenAmount: 37951768488745n,
      trader: 'Ha3MnRTxb5iGbXkjCTF2VyLPSsbCaNG4ZaJkHaoQWqJ9',
      timestamp: 1724072458n,
    })
    expect(tx.instructions[0]?.args).toEqual({
      name: 'dod',
      symbol: 'DOD',
      uri: 'https://cf-ipfs.com/ipfs/QmY1m2owhjBZzy1MthYmWin3XwGimGKWC5ZwNXPCbbaB1k',
    })
    expect(tx.instructions[0]?.keyAccounts.user).toBe('Ha3MnRTxb5iGbXkjCTF2VyLPSsbCaNG4ZaJkHaoQWqJ9')
  })

  it('buy-217-2ghHZXwy: fees and creator fee of the 217-byte layout', () => {
    const [buy] = decodeFixture('buy-217-2ghHZXwy.json').events
    expect(buy).toMatchObject({
      kind: 'buy',
      mint: '7k2255ueF3Ecnnjf9odEu7so3gmXKS8E29atDWmFpump',
      trader: '3HeEuccBzrTvWBvQGuiVgqbJcCpzTd4mFZjbKQoz5BYg',
      solAmount: 129814469n,
      tokenAmount: 2878556000000n,
      timestamp: 1753751878n,
      feeRecipient: 'CebN5WGQ4jvEPvsVU4EoHEpgzq1VV7AbicfhtW4xC9iM',
      feeBasisPoints: 95n,
      fee: 1233238n,
      creator: '3JCST4EZJoJT6rJhjNn6e4KRK2pg79JoAye7zdCPMMdK',
      creatorFeeBasisPoints: 5n,
      creatorFee: 64908n,
      layout: { payloadLength: 217, layout: 'fees', unknownLayout: false, extraBytes: 0 },
    })
    expect(buy && 'ixName' in buy).toBe(false)
  })

  it('buy-217-3mpAjSPh: a buy through CPI from a bot program, no top-level pump.fun instruction', () => {
    const tx = decodeFixture('buy-217-3mpAjSPh.json')
    const bot = 'b1oomGGqPKGD6errbyfbVMBuzSC8WtAAYo8MwNafWW1'
    expect(tx.events).toHaveLength(1)
    expect(tx.events[0]).toMatchObject({
      kind: 'buy',
      mint: '5eFg3giaX2c3RydHvx1S3yEKpYjBuwtLUsmbAAG9pump',
      trader: '8ZZ97eWp2k8gfoK2Jk2WQcdofk9hyJpEGDPGiqFryH1S',
      solAmount: 297300000n,
      tokenAmount: 5032051139663n,
      timestamp: 1747165626n,
      origin: { source: 'self-cpi+log', topLevelIndex: 4, invokedBy: bot, instructionIndex: 0 },
    })
    expect(tx.instructions).toHaveLength(1)
    expect(tx.instructions[0]).toMatchObject({ name: 'buy', topLevelIndex: 4, innerIndex: 1, invokedBy: bot })
    expect(tx.instructions[0]?.args).toEqual({ amount: 5032051139663n, maxSolCost: 300273001n })
  })

  it('create-258: 305-byte CreateEvent, 258-byte TradeEvent with ix_name "buy", ExtendAccountEvent reported', () => {
    const tx = decodeFixture('create-258-3ejAydeP.json')
    const [create, buy] = tx.events
    expect(create).toMatchObject({
      kind: 'create',
      name: 'Kinton',
      symbol: 'KINTON',
      mint: 'GMUuiMjBC5kTLVbEkrmPjeCvqMxnug419FdznJHpump',
      bondingCurve: 'GjeVHmknN1dv86iMQi9iFp7Vgb3CHS1fLPwfMPDSwcEF',
      creator: '5SR2uyqJsDd4invrHxSdhDY55ZDYBTkqYmUbFu6VjoD2',
      timestamp: 1766735233n,
      tokenProgram: 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA',
      isMayhemMode: false,
      layout: { payloadLength: 305, layout: 'tokenProgram', unknownLayout: false, extraBytes: 0 },
    })
    expect(buy).toMatchObject({
      kind: 'buy',
      solAmount: 9876542n,
      tokenAmount: 353134727201n,
      ixName: 'buy',
      mayhemMode: false,
      trackVolume: true,
      creatorFeeBasisPoints: 30n,
      creatorFee: 29630n,
      layout: { payloadLength: 258, layout: 'mayhem', unknownLayout: false, extraBytes: 0 },
    })
    expect(tx.instructions[2]?.args).toEqual({
      amount: 353134727201n,
      maxSolCost: 10100000n,
      trackVolume: true,
    })
    expect(tx.unrecognizedEvents).toEqual([
      expect.objectContaining({ name: 'ExtendAccountEvent', reason: 'not-normalized', payloadLength: 88 }),
    ])
  })

  it('buy-350: USDC-paired buy_v2 through the Mayhem program; its own 295-byte event is not pump.fun', () => {
    const tx = decodeFixture('buy-350-2m5nWLnD.json')
    const mayhem = 'MAyhSmzXzV1pTf7LsNkrNwkWKTo4ougAJ1PPg47MD4e'
    expect(tx.events).toHaveLength(1)
    expect(tx.unrecognizedEvents).toEqual([])
    expect(tx.flags.foreignDataLines).toBe(1)
    expect(tx.events[0]).toMatchObject({
      kind: 'buy',
      mint: '4F4gGVBAWuKi3EpmYdhntXvCVFqZZqmrb1cqNGawpump',
      trader: 'BwWK17cbHxwWBKZkUYvzxLcNQ1YVyaFezduWbtm2de6s',
      solAmount: 0n,
      tokenAmount: 445377137871n,
      ixName: 'buy',
      mayhemMode: true,
      shareholders: [],
      quoteMint: 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v',
      quoteAmount: 3517192n,
      layout: { payloadLength: 350, layout: 'quote', unknownLayout: false, extraBytes: 0 },
      origin: { invokedBy: mayhem, topLevelIndex: 2 },
    })
    expect(tx.instructions[0]).toMatchObject({ name: 'buy_v2', invokedBy: mayhem, innerIndex: 0 })
    expect(tx.instructions[0]?.args).toEqual({ amount: 445377137871n, maxSolCost: 3517192n })
    expect(tx.instructions[0]?.accounts[6]).toBe((tx.events[0] as { feeRecipient: string }).feeRecipient)
  })

  it('create-350: Token-2022 create_v2 (346-byte CreateEvent) and a 350-byte buy paid in SOL', () => {
    const tx = decodeFixture('create-350-5EDHe12K.json')
    const [create, buy] = tx.events
    expect(create).toMatchObject({
      name: 'NYXORA',
      mint: '7YD6ZHb39jGb33ki2iFd7kHK11yMkSFCc9kvjJscpump',
      user: '5zsxd4pGNCQpwyKiBWZ95nCTPsEPoS62xEGnjpW6FRy7',
      tokenProgram: 'TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb',
      isCashbackEnabled: false,
      quoteMint: '11111111111111111111111111111111',
      virtualQuoteReserves: 30000000000n,
      layout: { payloadLength: 346, layout: 'quote', unknownLayout: false, extraBytes: 0 },
    })
    expect(buy).toMatchObject({
      solAmount: 98750018n,
      tokenAmount: 3520371073923n,
      timestamp: 1785328607n,
      fee: 938126n,
      buybackFeeBasisPoints: 5000n,
      buybackFee: 469063n,
      quoteAmount: 98750018n,
      layout: { payloadLength: 350, extraBytes: 0, unknownLayout: false },
    })
    expect(tx.instructions[0]?.args).toMatchObject({ name: 'NYXORA', isMayhemMode: false })
  })

  it('create-366: json encoding, v0 with an address lookup table resolved from meta.loadedAddresses', () => {
    const tx = decodeFixture('create-366-4SUHkAKc.json')
    const [create, buy] = tx.events
    expect(create).toMatchObject({
      name: 'dog wif cap',
      symbol: 'cap',
      mint: '457V2vvjqXTMFzivq9tvBqhDaxfke2523hHDB6brpump',
      bondingCurve: '7ZKtHsaGAy2J51evHKT7sRyrx2wbpvq1v3yZsGCqbuwj',
      isMayhemMode: true,
      layout: { payloadLength: 357, layout: 'holderReward', unknownLayout: false, extraBytes: 0 },
    })
    expect(buy).toMatchObject({
      solAmount: 59259258n,
      tokenAmount: 2115327702796n,
      trader: 'CTfBTtxhtAyGEysdjp9owVQvjSwPjtrzEGB9ZgAKewsY',
      feeRecipient: '4UQeTP1T39KZ9Sfxzo3WR5skgsaP6NZa87BAkuazLEKH',
      fee: 562963n,
      creatorFee: 177778n,
      ixName: 'buy',
      holderRewards: 0n,
      layout: { payloadLength: 366, layout: 'holderRewards', unknownLayout: false, extraBytes: 0 },
    })
    const buyV2 = tx.instructions[1]
    expect(buyV2?.accounts[6]).toBe('4UQeTP1T39KZ9Sfxzo3WR5skgsaP6NZa87BAkuazLEKH') // from the lookup table
    expect(buyV2?.keyAccounts.bondingCurve).toBe('7ZKtHsaGAy2J51evHKT7sRyrx2wbpvq1v3yZsGCqbuwj')
    expect(buyV2?.args).toEqual({ amount: 2115327702796n, maxSolCost: 60600000n })
    expect(tx.instructions[0]?.argsInfo).toMatchObject({ unknownLayout: true, extraBytes: 8 })
  })
})

describe('decodePumpfunTransaction: attribution and counting', () => {
  const logLines = (name: string): string[] => {
    const value = JSON.parse(readPumpfunFixture(name))
    return (value.result ?? value).meta.logMessages
  }

  it('counts each event once although it is both a self-CPI and a Program data line', () => {
    for (const name of listPumpfunFixtures()) {
      const tx = decodeFixture(name)
      const dataLines = logLines(name).filter((l) => l.startsWith('Program data: ')).length
      const total = tx.events.length + tx.unrecognizedEvents.length + tx.flags.foreignDataLines
      expect(total, name).toBe(dataLines)
    }
  })

  it('still finds every event from one source alone (no logs, or no inner instructions)', () => {
    for (const name of listPumpfunFixtures()) {
      const full = decodeFixture(name)
      const value = JSON.parse(readPumpfunFixture(name))
      const result = value.result ?? value
      const noLogs = decodePumpfunTransaction({
        transaction: { ...result, meta: { ...result.meta, logMessages: undefined } },
      })
      const noInner = decodePumpfunTransaction({
        transaction: { ...result, meta: { ...result.meta, innerInstructions: null } },
      })
      expect(
        noLogs.events.map((e) => e.kind),
        name,
      ).toEqual(full.events.map((e) => e.kind))
      expect(
        noInner.events.map((e) => e.kind),
        name,
      ).toEqual(full.events.map((e) => e.kind))
      expect(noLogs.events.every((e) => e.origin.source === 'self-cpi')).toBe(true)
      expect(noInner.events.every((e) => e.origin.source === 'log')).toBe(true)
      expect(noLogs.flags.logsMissing && noInner.flags.innerInstructionsMissing).toBe(true)
      expect(noLogs.events.map((e) => e.origin.invokedBy)).toEqual(full.events.map((e) => e.origin.invokedBy))
      expect(noInner.events.map((e) => e.origin.invokedBy)).toEqual(
        full.events.map((e) => e.origin.invokedBy),
      )
    }
  })

  it('truncated logs: the missing event still comes from its self-CPI copy', () => {
    const value = JSON.parse(readPumpfunFixture('create-366-4SUHkAKc.json'))
    const logs: string[] = value.meta.logMessages
    const cut = logs.findIndex((l) =>
      l.startsWith('Program ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL invoke [1]'),
    )
    const truncated = [...logs.slice(0, cut), 'Log truncated']
    const tx = decodePumpfunTransaction({
      transaction: { ...value, meta: { ...value.meta, logMessages: truncated } },
    })
    expect(tx.flags.logsTruncated).toBe(true)
    expect(tx.events.map((e) => [e.kind, e.origin.source])).toEqual([
      ['create', 'self-cpi+log'],
      ['buy', 'self-cpi'],
    ])
  })

  it('ignores a TradeEvent written by another program (same discriminator) and keeps pump.fun’s', () => {
    const value = JSON.parse(readPumpfunFixture('create-366-4SUHkAKc.json'))
    const tradeLine: string = value.meta.logMessages.find((l: string) =>
      l.startsWith('Program data: vdt/007mYe4'),
    )
    const launchLab = 'LanMV9sAd7wArD4vJFi2qDdfnVhFxYSUg6eADduJ3uj'
    const transaction = {
      transaction: {
        signatures: ['1111111111111111111111111111111111111111111111111111111111111111'],
        message: { accountKeys: [launchLab, PUMPFUN_PROGRAM_ID], instructions: [] },
      },
      meta: {
        err: null,
        innerInstructions: [],
        logMessages: [
          `Program ${launchLab} invoke [1]`,
          tradeLine,
          `Program ${PUMPFUN_PROGRAM_ID} invoke [2]`,
          tradeLine,
          `Program ${PUMPFUN_PROGRAM_ID} success`,
          tradeLine,
          `Program ${launchLab} success`,
        ],
      },
    }
    const tx = decodePumpfunTransaction({ transaction })
    expect(tx.flags.foreignDataLines).toBe(2)
    expect(tx.events).toHaveLength(1)
    expect(tx.events[0]?.origin).toMatchObject({ source: 'log', invokedBy: launchLab, topLevelIndex: 0 })
  })

  it('marks a failed transaction and counts none of its trades', () => {
    const value = JSON.parse(readPumpfunFixture('buy-217-2ghHZXwy.json'))
    const err = { InstructionError: [2, { Custom: 6002 }] }
    const tx = decodePumpfunTransaction({ transaction: { ...value, meta: { ...value.meta, err } } })
    expect(tx.flags.failed).toBe(true)
    expect(tx.err).toEqual(err)
    expect(tx.events).toEqual([])
    expect(tx.instructions.map((ix) => ix.name)).toEqual(['buy'])
  })

  it('reports a transaction without pump.fun as such (json, version 1)', () => {
    const system = '11111111111111111111111111111111'
    const transaction = {
      version: 1,
      transaction: {
        signatures: ['2'],
        message: {
          accountKeys: ['3HeEuccBzrTvWBvQGuiVgqbJcCpzTd4mFZjbKQoz5BYg', system],
          instructions: [{ programIdIndex: 1, accounts: [0, 0], data: '3Bxs4h24hBtQy9rw' }],
        },
      },
      meta: {
        err: null,
        innerInstructions: [],
        logMessages: [`Program ${system} invoke [1]`, `Program ${system} success`],
      },
    }
    const tx = decodePumpfunTransaction({ transaction })
    expect(tx).toMatchObject({
      touchesPumpfun: false,
      events: [],
      instructions: [],
      encoding: 'json',
      version: 1,
    })
  })
})
