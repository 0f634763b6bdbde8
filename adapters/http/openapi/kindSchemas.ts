import { event, namespace, node } from './clusterSchemas'
import { pod } from './podSchemas'
import { kindSchema, type Struct } from './schema'
import { controllerRevision, cronJob, daemonSet, job } from './workloadSchemas'

/** The schema of every kind the API serves, tagged with its group, version and kind. */
export const kindSchemas: ReadonlyArray<Struct> = [
  kindSchema('', 'v1', 'Pod', pod),
  kindSchema('', 'v1', 'Node', node),
  kindSchema('', 'v1', 'Namespace', namespace),
  kindSchema('', 'v1', 'Event', event),
  kindSchema('apps', 'v1', 'DaemonSet', daemonSet),
  kindSchema('apps', 'v1', 'ControllerRevision', controllerRevision),
  kindSchema('batch', 'v1', 'Job', job),
  kindSchema('batch', 'v1', 'CronJob', cronJob),
]

/** The schema of a kind; undefined for kinds served without one (nothing is validated or tracked for them). */
export const schemaOfKind = (group: string, version: string, kind: string): Struct | undefined =>
  kindSchemas.find((s) => s.gvk?.group === group && s.gvk.version === version && s.gvk.kind === kind)
