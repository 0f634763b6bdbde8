import type { DaemonSet, Instant, Node, Pod } from '../../api'
import type { Plan } from '../../plan'
import { markPodsReady, setPodReadiness, syncWorld, withDaemonSet, withPods, worldOf, type DaemonWorld } from './applyDaemonPlan'
import { countsOf, testNow } from './fixtures'

/**
 * A small driver for upstream's multi-sync tests: `clearExpectations` + `expectSyncDaemonSets`
 * becomes `expectSync(creates, deletes, events)`, each sync working on the world the previous plan
 * left behind. Failures name the step, since one test runs many syncs.
 */
export class DaemonHarness {
  world: DaemonWorld
  now: Instant
  private step = 0

  constructor(ds: DaemonSet, nodes: ReadonlyArray<Node>, pods: ReadonlyArray<Pod> = [], now: Instant = testNow) {
    this.world = worldOf(ds, nodes, pods)
    this.now = now
  }

  get ds(): DaemonSet {
    return this.world.daemonSet
  }

  get pods(): ReadonlyArray<Pod> {
    return this.world.pods
  }

  /**
   * One sync; checks what upstream's `validateSyncDaemonSets` checks (throwing, so that this helper
   * needs no test framework) and returns the plan.
   */
  expectSync(creates: number, deletes: number, events = 0): Plan {
    this.step++
    const { plan, world } = syncWorld(this.world, this.now)
    this.world = world
    const got = countsOf(plan)
    if (got.creates !== creates || got.deletes !== deletes || got.events !== events) {
      throw new Error(
        `sync ${this.step}: expected ${creates} creates, ${deletes} deletes, ${events} events; ` +
          `got ${got.creates} creates, ${got.deletes} deletes, ${got.events} events`,
      )
    }
    return plan
  }

  /** Advances the fake clock (`manager.failedPodsBackoff.Clock = NewFakeClock(t)`). */
  setClock(now: Instant): this {
    this.now = now
    return this
  }

  /** `manager.dsStore.Update(ds)`. */
  updateDaemonSet(f: (ds: DaemonSet) => DaemonSet): this {
    this.world = withDaemonSet(this.world, f(this.world.daemonSet))
    return this
  }

  /** `markPodsReady(podStore)`, at the current clock. */
  markPodsReady(): this {
    this.world = withPods(this.world, markPodsReady(this.world.pods, this.now))
    return this
  }

  /** `setPodReadiness(manager, ready, count, fn)`, at the current clock. */
  setPodReadiness(ready: boolean, count: number, fn: (pod: Pod) => boolean): this {
    this.world = withPods(this.world, setPodReadiness(this.world.pods, ready, count, fn, this.now))
    return this
  }

  /** Direct edits of the informer cache (relabelling, readiness flips). */
  mapPods(f: (pod: Pod, index: number) => Pod): this {
    this.world = withPods(this.world, this.world.pods.map(f))
    return this
  }
}
