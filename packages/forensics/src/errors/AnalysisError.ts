import { ForensicsError } from './ForensicsError.ts'

/**
 * The analysis was asked about a token it has never seen a launch or trade of.
 *
 * @example
 * throw new UnknownTokenError('unknown token', { details: '0xabc… (no launch or trade seen)' })
 */
export class UnknownTokenError extends ForensicsError {
  override name = 'UnknownTokenError'
}

/**
 * An event, option or alert sink was rejected before anything was changed: a malformed event line, a
 * negative amount, an invalid threshold, an unreachable sink.
 *
 * @example
 * throw new InvalidEventError('invalid event', { details: 'line 3: amount is not an integer' })
 */
export class InvalidEventError extends ForensicsError {
  override name = 'InvalidEventError'
}

/**
 * An alert sink failed (webhook answered an error, WebSocket server could not listen, NATS unreachable).
 *
 * @example
 * throw new AlertSinkError('webhook failed', { details: 'HTTP 500 from http://127.0.0.1:9000/hook' })
 */
export class AlertSinkError extends ForensicsError {
  override name = 'AlertSinkError'
}
