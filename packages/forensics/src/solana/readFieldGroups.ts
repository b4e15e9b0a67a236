import { DecodeError } from '../errors/ForensicsError.ts'
import { ByteReader } from './ByteReader.ts'
import type { FieldValue, Shareholder } from './DecodedFields.ts'
import type { LayoutInfo } from './LayoutInfo.ts'
import type { FieldGroup, FieldType } from './pumpfunLayouts.ts'

/** Result of {@link readFieldGroups}. */
export type ReadFieldGroupsReturnType = {
  values: Record<string, FieldValue<FieldType>>
  /** Groups read completely, from the first. */
  groupsRead: number
  info: LayoutInfo
}

const SHAREHOLDER_BYTES = 34

function readShareholders(r: ByteReader): Shareholder[] {
  const count = r.u32()
  if (count * SHAREHOLDER_BYTES > r.remaining) {
    throw new DecodeError(`${r.what} has too many shareholders`, { details: `${count} entries` })
  }
  return Array.from({ length: count }, () => ({ address: r.pubkey(), shareBps: r.u16() }))
}

function readField(r: ByteReader, type: FieldType): FieldValue<FieldType> {
  if (type === 'pubkey') return r.pubkey()
  if (type === 'string') return r.string()
  if (type === 'bool') return r.bool()
  if (type === 'u8') return r.u8()
  if (type === 'u64') return r.u64()
  if (type === 'i64') return r.i64()
  return readShareholders(r)
}

/**
 * Reads field groups in release order until the payload ends, never throwing on a layout it does not
 * know: a payload that stops inside a group, or runs past the last group, keeps what could be read and
 * is flagged `unknownLayout` with its `extraBytes`.
 *
 * @example
 * const { values, info } = readFieldGroups(payload, TRADE_EVENT_GROUPS, 'TradeEvent')
 * if (info.unknownLayout) console.warn(`new TradeEvent layout, ${info.extraBytes} bytes not decoded`)
 */
export function readFieldGroups(
  payload: Uint8Array,
  groups: readonly FieldGroup[],
  what: string,
): ReadFieldGroupsReturnType {
  const r = new ByteReader(payload, what)
  const values: Record<string, FieldValue<FieldType>> = {}
  let groupsRead = 0
  let stoppedInside = false
  for (const group of groups) {
    if (r.remaining === 0 && group.fields.length > 0) break
    for (const [name, type] of group.fields) {
      const start = r.offset
      try {
        values[name] = readField(r, type)
      } catch (error) {
        if (!(error instanceof DecodeError)) throw error
        r.offset = start
        stoppedInside = true
        break
      }
    }
    if (stoppedInside) break
    groupsRead++
  }
  const last = groups[groupsRead - 1]
  const extraBytes = r.remaining
  const unknownLayout = stoppedInside || extraBytes > 0 || !last?.knownEnd
  const info = { payloadLength: payload.length, layout: last?.id ?? '', unknownLayout, extraBytes }
  return { values, groupsRead, info }
}
