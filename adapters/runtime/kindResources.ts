import { Resources, type GroupVersionResource } from './clusterApi'

/** The resource that serves each kind the controllers write, and its apiVersion. */
const byKind: Readonly<Record<string, GroupVersionResource>> = {
  Pod: Resources.pods,
  Node: Resources.nodes,
  Namespace: Resources.namespaces,
  Event: Resources.events,
  DaemonSet: Resources.daemonSets,
  ControllerRevision: Resources.controllerRevisions,
  Job: Resources.jobs,
  CronJob: Resources.cronJobs,
}

export const resourceOfKind = (kind: string): GroupVersionResource | undefined => byKind[kind]

/** The kind a resource serves, if it is one of those above. */
export const kindOfResource = (r: GroupVersionResource): string | undefined =>
  Object.entries(byKind).find(([, k]) => k.group === r.group && k.resource === r.resource)?.[0]

export const apiVersionOfResource = (r: GroupVersionResource): string => (r.group === '' ? r.version : `${r.group}/${r.version}`)
