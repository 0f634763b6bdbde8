import { builtinResources, type ResourceInfo } from '../memory/resources'

/** What discovery says about one served resource beyond what the store knows. */
export interface ServedResource {
  readonly info: ResourceInfo
  readonly singular: string
  readonly shortNames: ReadonlyArray<string>
  readonly categories: ReadonlyArray<string>
  readonly subresources: ReadonlyArray<string>
}

const verbs = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'] as const
const subVerbs = ['get', 'patch', 'update'] as const
// Subresources that are not the object itself: what kind they take or return, and what can be done with them.
const subresourceKinds: Readonly<Record<string, string>> = { binding: 'Binding', log: 'Pod' }
const subresourceVerbs: Readonly<Record<string, ReadonlyArray<string>>> = { binding: ['create'], log: ['get'] }

// kubectl has no built-in fallback for short names: without them `get po` or `ds/x` fail outright.
const shortNames: Readonly<Record<string, ReadonlyArray<string>>> = {
  pods: ['po'],
  nodes: ['no'],
  namespaces: ['ns'],
  events: ['ev'],
  daemonsets: ['ds'],
  cronjobs: ['cj'],
}
// `kubectl get all` lists the kinds in the `all` category, as a real apiserver groups them.
const inAll = new Set(['pods', 'daemonsets', 'jobs', 'cronjobs'])

/** The resources the HTTP API serves: the store's built-in ones, with their discovery names. */
export const servedResources: ReadonlyArray<ServedResource> = builtinResources.map((info) => ({
  info,
  singular: info.kind.toLowerCase(),
  shortNames: shortNames[info.resource] ?? [],
  categories: inAll.has(info.resource) ? ['all'] : [],
  subresources: [...(info.statusSubresource ? ['status'] : []), ...(info.resource === 'pods' ? ['binding', 'log'] : [])],
}))

export const findServed = (group: string, version: string, resource: string): ServedResource | undefined =>
  servedResources.find((r) => r.info.group === group && r.info.version === version && r.info.resource === resource)

const groupVersions = (): ReadonlyArray<{ readonly group: string; readonly version: string }> => {
  const seen = new Map<string, { group: string; version: string }>()
  for (const r of servedResources) seen.set(`${r.info.group}/${r.info.version}`, { group: r.info.group, version: r.info.version })
  return [...seen.values()]
}

export const versionInfo = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.0-kuberules',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2026-01-01T00:00:00Z',
  goVersion: 'go1.23.0',
  compiler: 'gc',
  platform: 'linux/amd64',
}

/** The media type kubectl 1.32 requires, exactly, before it reads a body as aggregated discovery. */
export const aggregatedMediaType = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList'

export const wantsAggregated = (accept: string): boolean => accept.includes('as=APIGroupDiscoveryList') && accept.includes('v=v2')

const gvk = (info: ResourceInfo): Readonly<Record<string, string>> => ({ group: info.group, version: info.version, kind: info.kind })

/** `GET /api` (core: true) or `GET /apis` as an APIGroupDiscoveryList. */
export const aggregatedDiscovery = (core: boolean): unknown => ({
  kind: 'APIGroupDiscoveryList',
  apiVersion: 'apidiscovery.k8s.io/v2',
  metadata: {},
  items: groupVersions()
    .filter((gv) => (gv.group === '') === core)
    .map((gv) => ({
      metadata: core ? {} : { name: gv.group },
      versions: [
        {
          version: gv.version,
          freshness: 'Current',
          resources: servedResources
            .filter((r) => r.info.group === gv.group && r.info.version === gv.version)
            .map((r) => ({
              resource: r.info.resource,
              responseKind: gvk(r.info),
              scope: r.info.namespaced ? 'Namespaced' : 'Cluster',
              singularResource: r.singular,
              shortNames: r.shortNames,
              categories: r.categories,
              verbs,
              subresources: r.subresources.map((s) => ({
                subresource: s,
                responseKind: { ...gvk(r.info), ...(subresourceKinds[s] !== undefined ? { kind: subresourceKinds[s] } : {}) },
                verbs: subresourceVerbs[s] ?? subVerbs,
              })),
            })),
        },
      ],
    })),
})

/** Legacy `GET /api`. */
export const legacyCoreVersions = (serverAddress: string): unknown => ({
  kind: 'APIVersions',
  versions: ['v1'],
  serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
})

/** Legacy `GET /apis`. */
export const legacyGroupList = (): unknown => ({
  kind: 'APIGroupList',
  apiVersion: 'v1',
  groups: groupVersions()
    .filter((gv) => gv.group !== '')
    .map((gv) => {
      const v = { groupVersion: `${gv.group}/${gv.version}`, version: gv.version }
      return { name: gv.group, versions: [v], preferredVersion: v }
    }),
})

/** Legacy `GET /api/v1` or `/apis/{group}/{version}`; undefined for a group-version not served. */
export const resourceList = (group: string, version: string): unknown => {
  const mine = servedResources.filter((r) => r.info.group === group && r.info.version === version)
  if (mine.length === 0) return undefined
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group === '' ? version : `${group}/${version}`,
    resources: mine.flatMap((r) => [
      {
        name: r.info.resource,
        singularName: r.singular,
        namespaced: r.info.namespaced,
        kind: r.info.kind,
        verbs,
        ...(r.shortNames.length > 0 ? { shortNames: r.shortNames } : {}),
        ...(r.categories.length > 0 ? { categories: r.categories } : {}),
      },
      ...r.subresources.map((s) => ({
        name: `${r.info.resource}/${s}`,
        singularName: '',
        namespaced: r.info.namespaced,
        kind: subresourceKinds[s] ?? r.info.kind,
        verbs: subresourceVerbs[s] ?? subVerbs,
      })),
    ]),
  }
}
