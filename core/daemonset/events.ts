import type { DaemonSet, Pod } from '../api'
import { namespaceOf, nameOf } from '../api'
import { recordEvent, type RecordEvent } from '../plan'

const refOf = (ds: DaemonSet) => ({ kind: 'DaemonSet', namespace: namespaceOf(ds), name: nameOf(ds) })

/** Event reasons of pkg/controller/daemon, with their message texts. */
export const selectingAll = (ds: DaemonSet): RecordEvent =>
  recordEvent(refOf(ds), 'Warning', 'SelectingAll', 'This daemon set is selecting all pods. A non-empty selector is required.')

export const failedDaemonPod = (ds: DaemonSet, pod: Pod, node: string): RecordEvent =>
  recordEvent(
    refOf(ds),
    'Warning',
    'FailedDaemonPod',
    `Found failed daemon pod ${namespaceOf(pod)}/${nameOf(pod)} on node ${node}, will try to kill it`,
  )

export const succeededDaemonPod = (ds: DaemonSet, pod: Pod, node: string): RecordEvent =>
  recordEvent(
    refOf(ds),
    'Normal',
    'SucceededDaemonPod',
    `Found succeeded daemon pod ${namespaceOf(pod)}/${nameOf(pod)} on node ${node}, will try to delete it`,
  )

export const daemonSetRef = refOf
