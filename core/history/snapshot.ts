import {
  ControllerRevisionKind,
  DaemonSetKeys,
  DaemonSetKind,
  controllerRef,
  nameOf,
  namespaceOf,
  type ControllerRevision,
  type DaemonSet,
} from '../api'
import { revisionPatch } from './revisionData'

/** `<daemonset>-<hash>`; the DaemonSet controller does not truncate (unlike the StatefulSet history library). */
export const revisionName = (ds: DaemonSet, hash: string): string => `${nameOf(ds)}-${hash}`

/**
 * Mirrors `snapshot` in pkg/controller/daemon/update.go, minus the API call: the revision object
 * holding the template patch, labelled with the template labels plus the hash, annotated with a
 * copy of all DaemonSet annotations, and controlled by the DaemonSet.
 */
export const snapshotRevision = (ds: DaemonSet, revisionNumber: number, hash: string): ControllerRevision => {
  const annotations = ds.metadata.annotations
  return {
    ...ControllerRevisionKind,
    metadata: {
      name: revisionName(ds, hash),
      namespace: namespaceOf(ds),
      labels: { ...(ds.spec.template.metadata?.labels ?? {}), [DaemonSetKeys.revisionHash]: hash },
      ...(annotations !== undefined ? { annotations: { ...annotations } } : {}),
      ownerReferences: [controllerRef(DaemonSetKind.apiVersion, DaemonSetKind.kind, ds)],
    },
    data: revisionPatch(ds),
    revision: revisionNumber,
  }
}
