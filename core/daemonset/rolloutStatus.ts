import * as E from 'fp-ts/Either'
import { nameOf, type DaemonSet } from '../api'

/** One evaluation of `kubectl rollout status daemonset/<name>`: the message and whether it is done. */
export interface RolloutStatus {
  readonly message: string
  readonly done: boolean
}

/**
 * Mirrors kubectl's `DaemonSetStatusViewer.Status`. Note the "available" message counts available
 * oldest pods whether or not they are updated, as kubectl does.
 */
export const rolloutStatus = (ds: DaemonSet): E.Either<string, RolloutStatus> => {
  if (ds.spec.updateStrategy?.type !== 'RollingUpdate') {
    return E.left('rollout status is only available for RollingUpdate strategy type')
  }
  const s = ds.status ?? {}
  const name = nameOf(ds)
  const desired = s.desiredNumberScheduled ?? 0
  if ((ds.metadata.generation ?? 0) > (s.observedGeneration ?? 0)) {
    return E.right({ message: 'Waiting for daemon set spec update to be observed...\n', done: false })
  }
  if ((s.updatedNumberScheduled ?? 0) < desired) {
    return E.right({
      message: `Waiting for daemon set "${name}" rollout to finish: ${s.updatedNumberScheduled ?? 0} out of ${desired} new pods have been updated...\n`,
      done: false,
    })
  }
  if ((s.numberAvailable ?? 0) < desired) {
    return E.right({
      message: `Waiting for daemon set "${name}" rollout to finish: ${s.numberAvailable ?? 0} of ${desired} updated pods are available...\n`,
      done: false,
    })
  }
  return E.right({ message: `daemon set "${name}" successfully rolled out\n`, done: true })
}
