import type { ControllerRevision, DaemonSet, PodTemplateSpec } from '../api'
import { canonicalJson } from './canonicalJson'

/** The `data` of a DaemonSet ControllerRevision: a strategic merge patch replacing `spec.template`. */
export interface RevisionPatch {
  readonly spec: { readonly template: Readonly<Record<string, unknown>> }
}

type Json = Readonly<Record<string, unknown>>

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Map-typed fields that Go leaves out when empty (`omitempty`); struct-typed `{}` (resources, emptyDir) stays. */
const omittedWhenEmpty: ReadonlySet<string> = new Set(['labels', 'annotations', 'nodeSelector', 'limits', 'requests', 'matchLabels'])

const goOmitEmpty = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(goOmitEmpty)
  if (!isRecord(value)) return value
  const out: Record<string, unknown> = {}
  for (const [key, member] of Object.entries(value)) {
    if (member === undefined || member === null) continue
    if (Array.isArray(member) && member.length === 0) continue
    if (isRecord(member) && Object.keys(member).length === 0 && omittedWhenEmpty.has(key)) continue
    out[key] = goOmitEmpty(member)
  }
  return out
}

/**
 * The pod template as the controller serialises it: Go's round trip drops nil and empty optional
 * fields, and a typed `ObjectMeta` always writes `"creationTimestamp": null`.
 */
export const wireTemplate = (template: PodTemplateSpec): Json => {
  const wire = goOmitEmpty(template) as Record<string, unknown>
  const metadata = isRecord(wire['metadata']) ? wire['metadata'] : {}
  return { ...wire, metadata: 'creationTimestamp' in metadata ? metadata : { ...metadata, creationTimestamp: null } }
}

/** Mirrors `getPatch` in pkg/controller/daemon/update.go: `{"spec":{"template":{"$patch":"replace",…}}}`. */
export const revisionPatch = (ds: DaemonSet): RevisionPatch => ({
  spec: { template: { $patch: 'replace', ...wireTemplate(ds.spec.template) } },
})

/** Mirrors `Match`: the DaemonSet's patch and the revision's `data` are the same bytes (canonical JSON). */
export const matchesRevision = (ds: DaemonSet, revision: ControllerRevision): boolean =>
  canonicalJson(revisionPatch(ds)) === canonicalJson(revision.data)
