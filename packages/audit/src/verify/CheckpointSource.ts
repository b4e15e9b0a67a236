/**
 * Somewhere a monitor reads checkpoints of the log from: the log itself, a witness, a gossip peer. Each
 * answer is opened with the log's checkpoint verifier, then compared with every other source's.
 *
 * @example
 * const witness: CheckpointSource = { name: 'witness.example', checkpoint: () => fetchWitnessCheckpoint() }
 */
export type CheckpointSource = { name: string; checkpoint: () => Promise<string> }
