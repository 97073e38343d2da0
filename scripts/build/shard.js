// @ts-check
/**
 * `--shard i/n`: a deterministic share of the documents, so n machines (a CI
 * matrix, a Kubernetes indexed job) split a corpus without talking to each
 * other. A document's shard comes from a hash of its file name alone: it does
 * not move when other documents are added or removed, and every machine
 * agrees whatever its checkout path or file order.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';

/**
 * @typedef {object} Shard
 * @property {number} index 1-based, as CI matrices count.
 * @property {number} count
 */

/**
 * @param {string} text
 * @returns {Shard}
 */
export function parseShard(text) {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new Error(`--shard ${text}: expected i/n with 1 ≤ i ≤ n, e.g. --shard 2/4`);
  }
  return { index, count };
}

/**
 * @param {string} source
 * @param {number} count
 */
export function shardOf(source, count) {
  const digest = createHash('sha256').update(basename(source)).digest();
  return (digest.readUInt32BE(0) % count) + 1;
}

/**
 * @param {string[]} sources
 * @param {Shard} shard
 */
export function selectShard(sources, shard) {
  return sources.filter((source) => shardOf(source, shard.count) === shard.index);
}
