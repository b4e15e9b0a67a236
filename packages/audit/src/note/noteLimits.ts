/**
 * Size limits on signed notes. c2sp.org/signed-note requires accepting at least 16 signatures; like
 * golang.org/x/mod/sumdb/note we accept 100, and up to 1 MB in all (100 ML-DSA-44 lines take about 330 kB).
 *
 * @example
 * if (signatures.length > noteLimits.maxSignatures) throw new NoteError('too many signatures')
 */
export const noteLimits = { maxSignatures: 100, maxBytes: 1_000_000 } as const
