/**
 * How a payload matched the known layouts. `unknownLayout` is set when the payload ends inside a group,
 * ends after a group that no seen or documented layout ends with, or carries bytes after the last known
 * field (`extraBytes`). The known fields are decoded in every case.
 *
 * @example
 * const info: LayoutInfo = { payloadLength: 366, layout: 'holderRewards', unknownLayout: false, extraBytes: 0 }
 */
export type LayoutInfo = {
  /** Bytes after the 8-byte discriminator. */
  payloadLength: number
  /** Id of the last field group read completely (see `pumpfunLayouts.ts`). */
  layout: string
  unknownLayout: boolean
  /** Bytes left undecoded after the last field read. */
  extraBytes: number
}
