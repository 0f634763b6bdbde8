import { makeInstant } from '../core/api'
import { reconcileDaemonSet } from '../core/daemonset'
import { daemonSetBenchInput, linearFloor } from './daemonsetSnapshot'
import { fmt, medianMs, ratio } from './measure'

const now = makeInstant(Date.parse('2026-01-01T00:00:00Z'))

const timeReconcile = (nodes: number): { reconcile: number; floor: number; actions: number } => {
  const input = daemonSetBenchInput(nodes)
  const run = () => reconcileDaemonSet({ ...input, revisions: [], now })
  return { reconcile: medianMs(run), floor: medianMs(() => linearFloor(input)), actions: run().actions.length }
}

/** Issue 2's targets: ≤ 5× the linear floor, ≤ 50 ms, and 5,000 vs 500 nodes ≤ 12×. */
export const benchDaemonSet = (): ReadonlyArray<string> => {
  const big = timeReconcile(5000)
  const small = timeReconcile(500)
  return [
    'DaemonSet reducer (5,000 nodes, 150,000 pods, 5,000 owned, half the nodes missing their pod)',
    `  reconcile median ${fmt(big.reconcile)} (${big.actions} actions); linear floor ${fmt(big.floor)}; ratio ${ratio(big.reconcile, big.floor)} (target ≤ 5×, ≤ 50 ms)`,
    `  500 nodes / 15,000 pods: reconcile median ${fmt(small.reconcile)}; 5,000 vs 500 nodes ${ratio(big.reconcile, small.reconcile)} (target ≤ 12×)`,
  ]
}
