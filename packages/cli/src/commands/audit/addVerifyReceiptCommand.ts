import { readFileSync } from 'node:fs'
import { verifyReceipt } from '@sextant/audit/receipt/verifyReceipt'
import type { Command } from 'commander'
import { printResult } from '../../output/printResult.ts'
import { readInput } from './readInput.ts'

/**
 * Adds `sextant audit verify-receipt`: checks a C2SP tlog-proof offline with nothing but the log's public key.
 *
 * @example
 * addVerifyReceiptCommand(audit)
 */
export function addVerifyReceiptCommand(audit: Command): void {
  audit
    .command('verify-receipt <receipt>')
    .description("verify a receipt offline: the log's signature and the entry's inclusion proof")
    .requiredOption('--key <verifierKey>', "the log's verifier key (<name>+<id>+<base64>)")
    .requiredOption('--entry <file>', 'the entry bytes the receipt is for (- for stdin)')
    .action((receipt: string, options: { key: string; entry: string }, command: Command) => {
      const verified = verifyReceipt({
        receipt: readFileSync(receipt, 'utf8'),
        entry: readInput(options.entry),
        logVerifierKey: options.key,
      })
      const result = {
        ok: true,
        index: verified.index,
        size: verified.checkpoint.size,
        origin: verified.checkpoint.origin,
      }
      printResult(
        command,
        result,
        () => `receipt verified: entry ${result.index} is in ${result.origin} at size ${result.size}`,
      )
    })
}
