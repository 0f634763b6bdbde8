import { DaemonSetKeys, type DaemonSet } from '../api'

/**
 * What kubectl's `--record` does before sending a change: set `kubernetes.io/change-cause` on the
 * object to the command line (kubectl writes e.g. `kubectl set image ds/x c=img:2 --record=true`).
 * The controller copies the DaemonSet's annotations into the next snapshot, so history shows it.
 */
export const withChangeCause = (ds: DaemonSet, command: string): DaemonSet => ({
  ...ds,
  metadata: { ...ds.metadata, annotations: { ...(ds.metadata.annotations ?? {}), [DaemonSetKeys.changeCause]: command } },
})

/** The change-cause kubectl shows for a revision, or `<none>`. */
export const changeCauseOf = (o: { readonly metadata: DaemonSet['metadata'] }): string => {
  const cause = o.metadata.annotations?.[DaemonSetKeys.changeCause] ?? ''
  return cause === '' ? '<none>' : cause
}
