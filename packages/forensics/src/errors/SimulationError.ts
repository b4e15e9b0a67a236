import { ForensicsError } from './ForensicsError.ts'

/**
 * The market simulator was given bad parameters, or the chain refused one of its transactions.
 *
 * @example
 * throw new SimulationError('unknown scenario', { details: 'moon' })
 */
export class SimulationError extends ForensicsError {
  override name = 'SimulationError'
}
