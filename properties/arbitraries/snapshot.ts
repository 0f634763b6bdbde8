import * as fc from 'fast-check'
import { makeInstant, type ControllerRevision, type DaemonSet, type Instant, type Node, type Pod } from '../../core/api'
import { hashRevision, snapshotRevision } from '../../core/history'
import { arbDaemonSet, type DaemonSetConstraints } from './daemonSet'
import { arbNodes } from './node'
import { arbDaemonPods, podFromShape } from './pod'
import { arbRevisionHistory, revisionHashesOf, templateImageOf, withTemplateImage } from './revision'
import { epoch, images } from './vocabulary'

/**
 * One DaemonSet and the cluster it reconciles against, at `now`. It has the shape of
 * `DaemonSetInput`, so `reconcileDaemonSet(snapshot)` works as is.
 */
export interface DaemonSetSnapshot {
  readonly daemonSet: DaemonSet
  readonly nodes: ReadonlyArray<Node>
  readonly pods: ReadonlyArray<Pod>
  readonly revisions: ReadonlyArray<ControllerRevision>
  readonly now: Instant
}

export interface SnapshotConstraints extends DaemonSetConstraints {
  /** Use this DaemonSet (say, your own manifest, decoded) instead of generating one. */
  readonly daemonSet?: DaemonSet
  readonly minNodes?: number
  readonly maxNodes?: number
  readonly maxPods?: number
}

/** A clock on a whole second within a day after 2026-01-01. */
export const arbInstant = (): fc.Arbitrary<Instant> => fc.integer({ min: 0, max: 86_400 }).map((s) => makeInstant(epoch + s * 1000))

/**
 * A whole DaemonSet snapshot: a valid DaemonSet, 0–6 nodes from the shared vocabulary, a revision
 * history, and pods on those nodes (and vanished ones) carrying old and current hashes.
 */
export const arbDaemonSetSnapshot = (constraints: SnapshotConstraints = {}): fc.Arbitrary<DaemonSetSnapshot> =>
  fc
    .record({
      daemonSet: constraints.daemonSet !== undefined ? fc.constant(constraints.daemonSet) : arbDaemonSet(constraints),
      nodes: arbNodes({ minLength: constraints.minNodes ?? 0, maxLength: constraints.maxNodes ?? 6 }),
      now: arbInstant(),
    })
    .chain(({ daemonSet, nodes, now }) =>
      arbRevisionHistory(daemonSet).chain((revisions) => {
        const hashes = [...revisionHashesOf(revisions), hashRevision(daemonSet.spec.template, daemonSet.status?.collisionCount)]
        const nodeNames = nodes.map((n) => n.metadata.name ?? '')
        return arbDaemonPods(daemonSet, { nodeNames, hashes, now, maxLength: constraints.maxPods ?? 10 }).map(
          (pods): DaemonSetSnapshot => ({ daemonSet, nodes, pods, revisions, now }),
        )
      }),
    )

/**
 * A rollout about to start: a RollingUpdate DaemonSet (with or without surge) whose template just
 * changed, 2–8 nodes, and on most nodes one old pod that is bound, Running and (mostly) available.
 * The interesting case for the update budget (D3) and for convergence.
 */
export const arbRolloutSnapshot = (constraints: SnapshotConstraints = {}): fc.Arbitrary<DaemonSetSnapshot> =>
  fc
    .record({
      daemonSet:
        constraints.daemonSet !== undefined
          ? fc.constant(constraints.daemonSet)
          : fc.oneof(arbDaemonSet({ ...constraints, strategy: 'RollingUpdate' }), arbDaemonSet({ ...constraints, strategy: 'Surge' })),
      nodes: arbNodes({ minLength: constraints.minNodes ?? 2, maxLength: constraints.maxNodes ?? 8 }),
      now: arbInstant(),
    })
    .chain(({ daemonSet, nodes, now }) => {
      const previous = withTemplateImage(daemonSet, images.find((i) => i !== templateImageOf(daemonSet)) ?? '')
      const oldHash = hashRevision(previous.spec.template, daemonSet.status?.collisionCount)
      const revisions = [snapshotRevision(previous, 1, oldHash)]
      const shapes = nodes.map((node) =>
        fc.record({
          present: fc.oneof({ weight: 6, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
          ready: fc.oneof({ weight: 5, arbitrary: fc.constant<number | undefined>(3600) }, { weight: 1, arbitrary: fc.constant(undefined) }),
          node: fc.constant(node.metadata.name ?? ''),
        }),
      )
      return fc.tuple(...shapes).map((picked): DaemonSetSnapshot => {
        const pods = picked
          .filter((p) => p.present)
          .map((p, i) =>
            podFromShape(
              daemonSet,
              `${daemonSet.metadata.name ?? ''}-old${i}`,
              {
                node: p.node,
                holder: 'owned',
                placement: 'bound',
                phase: 'Running',
                readyForSeconds: p.ready,
                hash: oldHash,
                templateGeneration: undefined,
                createdSecondsAgo: 7200,
                terminating: undefined,
              },
              now,
            ),
          )
        return { daemonSet, nodes, pods, revisions, now }
      })
    })
