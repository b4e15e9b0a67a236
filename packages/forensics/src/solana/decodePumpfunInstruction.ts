import { hex } from '@scure/base'
import { anchorDiscriminator } from './anchorDiscriminator.ts'
import type { FieldValue } from './DecodedFields.ts'
import type { LayoutInfo } from './LayoutInfo.ts'
import { type FieldType, PUMPFUN_INSTRUCTIONS } from './pumpfunLayouts.ts'
import { readFieldGroups } from './readFieldGroups.ts'

/**
 * Name of an instruction listed in `PUMPFUN_INSTRUCTIONS`.
 *
 * @example
 * const name: PumpfunInstructionName = 'buy_exact_sol_in'
 */
export type PumpfunInstructionName = keyof typeof PUMPFUN_INSTRUCTIONS

/**
 * Result of {@link decodePumpfunInstruction}.
 *
 * @example
 * const { name, args }: DecodedPumpfunInstruction = decodePumpfunInstruction(data)
 */
export type DecodedPumpfunInstruction = {
  /** `undefined` when the discriminator is not one this package knows. */
  name: PumpfunInstructionName | undefined
  /** First 8 bytes of the data, hex. */
  discriminator: string
  /** Arguments by camelCase name (`amount`, `maxSolCost`, `minSolOutput`, `name`, ...). */
  args: Record<string, FieldValue<FieldType>>
  /** How the argument bytes matched; unknown instructions report all their bytes as extra. */
  argsInfo: LayoutInfo
}

const byDiscriminator = new Map(
  Object.keys(PUMPFUN_INSTRUCTIONS).map((name) => [
    hex.encode(anchorDiscriminator('global', name)),
    name as PumpfunInstructionName,
  ]),
)

/**
 * Decodes the data of a pump.fun instruction: its name from the Anchor discriminator
 * (`sha256("global:<name>")[0..8]`) and its Borsh arguments. Never throws: short or unexpected
 * argument bytes are reported in `argsInfo`.
 *
 * @example
 * const ix = decodePumpfunInstruction(data)
 * if (ix.name === 'buy') console.log(ix.args.amount, ix.args.maxSolCost)
 */
export function decodePumpfunInstruction(data: Uint8Array): DecodedPumpfunInstruction {
  const discriminator = hex.encode(data.subarray(0, 8))
  const name = data.length >= 8 ? byDiscriminator.get(discriminator) : undefined
  const payload = data.subarray(8)
  if (name === undefined) {
    const argsInfo = {
      payloadLength: payload.length,
      layout: '',
      unknownLayout: true,
      extraBytes: payload.length,
    }
    return { name, discriminator, args: {}, argsInfo }
  }
  const spec = PUMPFUN_INSTRUCTIONS[name]
  const groups = [
    { id: 'args', fields: spec.args, knownEnd: true },
    { id: 'optionalArgs', fields: spec.optionalArgs, knownEnd: true },
  ]
  const { values, info } = readFieldGroups(payload, groups, `${name} instruction`)
  return { name, discriminator, args: values, argsInfo: info }
}
