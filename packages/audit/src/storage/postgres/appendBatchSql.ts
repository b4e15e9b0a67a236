/**
 * One statement that writes a whole batch: entries, stored hashes and secrets as arrays expanded by `unnest`
 * (one round trip, whatever the batch size), then the new log size. Parameters: $1 log id, $2 first entry
 * index, $3 entry data, $4 first storage index, $5 stored hashes, $6 secret indexes, $7 secrets, $8 new size.
 *
 * @example
 * await client.query(appendBatchSql, [log, size, datas, storedHashCount(size), hashes, [], [], size + n])
 */
export const appendBatchSql = `
WITH e AS (
  INSERT INTO entries (log, idx, data)
  SELECT $1::bigint, $2::bigint + t.o - 1, t.v FROM unnest($3::bytea[]) WITH ORDINALITY AS t(v, o)
), h AS (
  INSERT INTO hashes (log, idx, hash)
  SELECT $1::bigint, $4::bigint + t.o - 1, t.v FROM unnest($5::bytea[]) WITH ORDINALITY AS t(v, o)
), s AS (
  INSERT INTO secrets (log, idx, secret)
  SELECT $1::bigint, t.i, t.v FROM unnest($6::bigint[], $7::bytea[]) AS t(i, v)
)
UPDATE logs SET size = $8::bigint WHERE id = $1::bigint
`
