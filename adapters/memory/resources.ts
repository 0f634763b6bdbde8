import { Resources, type GroupVersionResource, type PropagationPolicy } from '../runtime/clusterApi'

/** What the store knows about a resource: its names and the registry strategy it follows. */
export interface ResourceInfo extends GroupVersionResource {
  readonly kind: string
  readonly namespaced: boolean
  /** Status is written through the `status` subresource only; main-resource writes keep the stored status. */
  readonly statusSubresource: boolean
  /** `metadata.generation` starts at 1 and moves when `spec` changes. */
  readonly tracksGeneration: boolean
  /** Deletion waits for a grace period (pods) instead of removing the object at once. */
  readonly gracefulDeletion: boolean
  /** `DefaultGarbageCollectionPolicy` of the registry strategy. */
  readonly defaultPropagation: PropagationPolicy
  /** The status a create starts from (`PrepareForCreate`); absent: the client's status is kept. */
  readonly initialStatus?: Readonly<Record<string, unknown>>
  /** Field selectors accepted beyond `metadata.name` and `metadata.namespace`. */
  readonly fieldLabels: ReadonlyArray<string>
}

const info = (gvr: GroupVersionResource, rest: Omit<ResourceInfo, keyof GroupVersionResource>): ResourceInfo => ({ ...gvr, ...rest })

const plain = {
  namespaced: true,
  statusSubresource: false,
  tracksGeneration: false,
  gracefulDeletion: false,
  defaultPropagation: 'Background',
  fieldLabels: [],
} as const

/** The resources of the embedded cluster, with the strategies of their apiserver registries. */
export const builtinResources: ReadonlyArray<ResourceInfo> = [
  info(Resources.pods, {
    ...plain,
    kind: 'Pod',
    statusSubresource: true,
    gracefulDeletion: true,
    initialStatus: { phase: 'Pending' },
    fieldLabels: ['spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.nominatedNodeName'],
  }),
  info(Resources.nodes, { ...plain, kind: 'Node', namespaced: false, statusSubresource: true, fieldLabels: ['spec.unschedulable'] }),
  info(Resources.namespaces, {
    ...plain,
    kind: 'Namespace',
    namespaced: false,
    statusSubresource: true,
    initialStatus: { phase: 'Active' },
    fieldLabels: ['status.phase'],
  }),
  info(Resources.events, {
    ...plain,
    kind: 'Event',
    fieldLabels: [
      'involvedObject.kind',
      'involvedObject.namespace',
      'involvedObject.name',
      'involvedObject.uid',
      'involvedObject.apiVersion',
      'involvedObject.resourceVersion',
      'involvedObject.fieldPath',
      'reason',
      'reportingComponent',
      'source',
      'type',
    ],
  }),
  info(Resources.daemonSets, {
    ...plain,
    kind: 'DaemonSet',
    statusSubresource: true,
    tracksGeneration: true,
    initialStatus: { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 },
  }),
  info(Resources.controllerRevisions, { ...plain, kind: 'ControllerRevision' }),
  // batch/v1 Jobs orphan their pods unless told otherwise; kubectl asks for Background explicitly.
  info(Resources.jobs, {
    ...plain,
    kind: 'Job',
    statusSubresource: true,
    tracksGeneration: true,
    defaultPropagation: 'Orphan',
    initialStatus: {},
    fieldLabels: ['status.successful'],
  }),
  info(Resources.cronJobs, { ...plain, kind: 'CronJob', statusSubresource: true, tracksGeneration: true, initialStatus: {} }),
]

export const apiVersionOf = (r: GroupVersionResource): string => (r.group === '' ? r.version : `${r.group}/${r.version}`)

export const resourceKey = (r: GroupVersionResource): string => `${r.group}/${r.version}/${r.resource}`

const infoKeys = new WeakMap<ResourceInfo, string>()

/**
 * `resourceKey` of a store's (immutable) ResourceInfo, computed once per info: the object table
 * and every watcher key each read and change by it, and building the string each time showed in profiles.
 */
export const infoKey = (info: ResourceInfo): string => {
  let key = infoKeys.get(info)
  if (key === undefined) infoKeys.set(info, (key = resourceKey(info)))
  return key
}

const pluralOf = (kind: string): string => {
  const lower = kind.toLowerCase()
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`
  if (/(s|x|z|ch|sh)$/.test(lower)) return `${lower}es`
  return `${lower}s`
}

/** A plain namespaced resource for a kind the store has no strategy for (carried along untouched). */
export const genericResource = (apiVersion: string, kind: string, namespaced = true): ResourceInfo => {
  const slash = apiVersion.indexOf('/')
  const group = slash < 0 ? '' : apiVersion.slice(0, slash)
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1)
  return { ...plain, group, version, resource: pluralOf(kind), kind, namespaced }
}
