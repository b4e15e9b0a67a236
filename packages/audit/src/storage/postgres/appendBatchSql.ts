/**
 * One statement that writes a whole batch: entries, stored hashes and secrets, each sent as one binary blob
 * (see packBytes) that the server slices with `substring` (one round trip, whatever the batch size), then the
 * new log size. Parameters: $1 log id, $2 first entry index, $3 entry blob, $4 entry starts, $5 entry lengths,
 * $6 first storage index, $7 hash blob (32 bytes each), $8 secret entry indexes, $9 secret blob, $10 secret
 * starts, $11 secret lengths, $12 new size.
 *
 * @example
 * await client.query(appendBatchSql, [log, size, blob, starts, lengths, storedHashCount(size), hashes, ...])
 */
export const appendBatchSql = `
WITH e AS (
  INSERT INTO entries (log, idx, data)
  SELECT $1::bigint, $2::bigint + t.o - 1, substring($3::bytea FROM t.s FOR t.l)
  FROM unnest($4::int[], $5::int[]) WITH ORDINALITY AS t(s, l, o)
), h AS (
  INSERT INTO hashes (log, idx, hash)
  SELECT $1::bigint, $6::bigint + g, substring($7::bytea FROM 32 * g + 1 FOR 32)
  FROM generate_series(0, length($7::bytea) / 32 - 1) AS g
), s AS (
  INSERT INTO secrets (log, idx, secret)
  SELECT $1::bigint, t.i, substring($9::bytea FROM t.s FOR t.l)
  FROM unnest($8::bigint[], $10::int[], $11::int[]) AS t(i, s, l)
)
UPDATE logs SET size = $12::bigint WHERE id = $1::bigint
`
