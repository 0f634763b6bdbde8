import * as E from 'fp-ts/Either'
import { defaultSimulationStart, kubectlMessage } from '../../adapters/memory'
import type { ApiError } from '../../adapters/memory'
import { stepInvariants } from './invariants'
import { viewOf } from './view'
import type { Real } from './world'

/** Virtual time as an offset from the simulation's start, for messages. */
export const at = (now: number): string => `t+${(now - defaultSimulationStart) / 1000}s`

/** Throws the violations, if any, so fast-check reports them with the command path. */
export const failOn = (when: string, problems: ReadonlyArray<string>): void => {
  if (problems.length > 0) throw new Error(`${when}:\n  ${problems.join('\n  ')}`)
}

/** A request the model says must succeed; anything else is a bug worth seeing verbatim. */
export const expectOk = async <A>(what: string, result: Promise<E.Either<ApiError, A>>): Promise<A> => {
  const r = await result
  if (E.isLeft(r)) throw new Error(`${what} failed: ${kubectlMessage(r.left.status)}`)
  return r.right
}

/**
 * Runs the cluster for `ms` of virtual time (0: just the work due now, such as a GC round after
 * a delete) and checks the step invariants at every instant once that instant's timers are all
 * done, so that transient states inside a long advance are checked too, not only its end.
 */
export const runChecked = async (real: Real, ms: number): Promise<void> => {
  const { cluster } = real
  const problems: string[] = []
  await cluster.run({ for: ms }, (now) => {
    const next = cluster.clock.nextDueAt()
    // More timers at this very instant (the GC, a binding pass): the instant is not over yet.
    if (problems.length > 0 || (next !== undefined && next <= now)) return
    problems.push(...stepInvariants(viewOf(cluster)))
    if (problems.length > 0) problems.unshift(`at ${at(now)}`)
  })
  failOn('invariant broken', problems)
  failOn(`invariant broken at ${at(cluster.clock.now())}`, stepInvariants(viewOf(cluster)))
}

/** What every command does after its request: let the instant's work happen, then check. */
export const afterCommand = (real: Real): Promise<void> => runChecked(real, 0)
