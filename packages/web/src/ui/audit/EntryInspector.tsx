import { useEffect, useState } from 'react'
import { api } from '../api/client.ts'
import type { EntryDetail } from '../api/types.ts'
import type { BrowserVerification } from './verifyInBrowser.ts'

// The verification code (Ed25519, SHA-256, proofs) loads on first use, keeping the first page load light.
const verifier = () => import('./verifyInBrowser.ts').then((m) => m.verifyInBrowser)

/**
 * Looks an entry up, verifies its inclusion proof in the browser against the signed checkpoint, and offers
 * selective disclosure of chosen private fields (verified in the browser too) and erasure (token needed).
 *
 * @example
 * <EntryInspector verifierKey={summary.verifierKey} index={3} onIndex={setIndex} />
 */
export function EntryInspector({
  verifierKey,
  index,
  onIndex,
}: {
  verifierKey: string
  index: number | undefined
  onIndex: (index: number) => void
}) {
  const [input, setInput] = useState('')
  const [detail, setDetail] = useState<EntryDetail>()
  const [result, setResult] = useState<BrowserVerification>()
  const [chosen, setChosen] = useState<string[]>([])
  const [message, setMessage] = useState<string>()

  const load = async (i: number) => {
    setMessage(undefined)
    setResult(undefined)
    try {
      const d = await api<EntryDetail>(`/api/audit/entries/${i}`)
      setDetail(d)
      setChosen([])
      setResult((await verifier())({ entry: d.entry, receipt: d.receipt, verifierKey }))
    } catch (e) {
      setDetail(undefined)
      setMessage((e as Error).message)
    }
  }
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload only when another entry is selected
  useEffect(() => {
    if (index !== undefined) {
      setInput(String(index))
      void load(index)
    }
  }, [index])

  const disclose = async () => {
    if (!detail) return
    try {
      const d = await api<{ entry: string; disclosures: string[]; receipt: string }>(
        `/api/audit/entries/${detail.index}/disclose`,
        { body: { fields: chosen } },
      )
      const verify = await verifier()
      setResult(verify({ entry: d.entry, receipt: d.receipt, verifierKey, disclosures: d.disclosures }))
      setMessage(`disclosed ${chosen.join(', ')}: verified against the entry's commitments`)
    } catch (e) {
      setMessage((e as Error).message)
    }
  }
  const erase = async () => {
    if (!detail) return
    try {
      await api(`/api/audit/entries/${detail.index}/erase`, { body: {} })
      await load(detail.index)
      setMessage(`entry ${detail.index}: private data erased — its inclusion proof still verifies`)
    } catch (e) {
      setMessage((e as Error).message)
    }
  }

  return (
    <div>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault()
          if (/^\d+$/.test(input)) onIndex(Number(input))
        }}
      >
        <input
          aria-label="entry index"
          placeholder="entry index"
          value={input}
          onChange={(e) => setInput(e.target.value)}
          data-testid="entry-index"
        />
        <button type="submit" data-testid="entry-lookup">
          Look up and verify
        </button>
      </form>
      {message && (
        <p className="note" data-testid="inspector-message">
          {message}
        </p>
      )}
      {detail && result && (
        <div className="inspector">
          {result.ok ? (
            <div className="verified" data-testid="proof-verified">
              ✓ VERIFIED IN THIS BROWSER: entry {result.index} is in the tree of {result.size} signed by{' '}
              {result.origin}
            </div>
          ) : (
            <div className="failed" data-testid="proof-failed">
              ✗ verification failed: {result.error}
            </div>
          )}
          {result.ok && (
            <dl className="kv mono small">
              <dt>leaf hash</dt>
              <dd>{result.leafHash}</dd>
              <dt>signed root</dt>
              <dd>{result.rootHash}</dd>
              <dt>audit path</dt>
              <dd>
                {result.proof.length === 0
                  ? '(none: single-entry tree)'
                  : result.proof.map((p) => <div key={p}>{p}</div>)}
              </dd>
            </dl>
          )}
          <h3>Public fields</h3>
          <pre className="small">
            {JSON.stringify(detail.fields ?? { kind: detail.kind, bytes: detail.bytes }, null, 2)}
          </pre>
          {result.ok && result.revealed && (
            <>
              <h3>Disclosed private fields (verified)</h3>
              <pre className="small" data-testid="revealed">
                {JSON.stringify(result.revealed, null, 2)}
              </pre>
            </>
          )}
          {detail.privateFields.length > 0 ? (
            <div className="row wrap">
              {detail.privateFields.map((f) => (
                <label key={f} className="check">
                  <input
                    type="checkbox"
                    checked={chosen.includes(f)}
                    onChange={(e) =>
                      setChosen(e.target.checked ? [...chosen, f] : chosen.filter((x) => x !== f))
                    }
                  />
                  {f}
                </label>
              ))}
              <button type="button" disabled={chosen.length === 0} onClick={disclose} data-testid="disclose">
                Disclose selected
              </button>
              <button type="button" className="danger" onClick={erase} data-testid="erase">
                Erase private data
              </button>
            </div>
          ) : (
            <p className="muted">
              {detail.kind === 'ai-event' ? 'private data erased' : 'opaque entry: nothing private'}
            </p>
          )}
        </div>
      )}
    </div>
  )
}
