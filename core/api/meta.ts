import * as t from 'io-ts'

/** `metav1.OwnerReference`: who owns an object; `controller: true` marks the one managing controller. */
export const OwnerReference = t.intersection([
  t.type({ apiVersion: t.string, kind: t.string, name: t.string, uid: t.string }),
  t.partial({ controller: t.boolean, blockOwnerDeletion: t.boolean }),
])
export type OwnerReference = t.TypeOf<typeof OwnerReference>

export const StringMap = t.record(t.string, t.string)
export type StringMap = t.TypeOf<typeof StringMap>

/**
 * `metav1.ObjectMeta`, the fields controllers read. Codecs are not `exact`, so fields we do not
 * model (managedFields, ...) survive a decode/encode round trip untouched.
 */
export const ObjectMeta = t.partial({
  name: t.string,
  generateName: t.string,
  namespace: t.string,
  uid: t.string,
  resourceVersion: t.string,
  generation: t.number,
  creationTimestamp: t.union([t.string, t.null]),
  deletionTimestamp: t.union([t.string, t.null]),
  deletionGracePeriodSeconds: t.number,
  labels: StringMap,
  annotations: StringMap,
  ownerReferences: t.array(OwnerReference),
  finalizers: t.array(t.string),
})
export type ObjectMeta = t.TypeOf<typeof ObjectMeta>

export const LabelSelectorOperator = t.keyof({ In: null, NotIn: null, Exists: null, DoesNotExist: null })
export type LabelSelectorOperator = t.TypeOf<typeof LabelSelectorOperator>

export const LabelSelectorRequirement = t.intersection([
  t.type({ key: t.string, operator: t.string }),
  t.partial({ values: t.array(t.string) }),
])
export type LabelSelectorRequirement = t.TypeOf<typeof LabelSelectorRequirement>

/** `metav1.LabelSelector`; operators are checked by validation, not by the codec, to report them as kubectl does. */
export const LabelSelector = t.partial({
  matchLabels: StringMap,
  matchExpressions: t.array(LabelSelectorRequirement),
})
export type LabelSelector = t.TypeOf<typeof LabelSelector>

/** A reference to one object, as actions and events name their targets. */
export interface ObjectRef {
  readonly kind: string
  readonly namespace: string
  readonly name: string
}

/** An owner as `CreatePod`/`CreateJob` actions name it. */
export interface OwnerRef extends ObjectRef {
  readonly uid: string
}

export interface Named {
  readonly metadata: ObjectMeta
}

export const nameOf = (o: Named): string => o.metadata.name ?? ''
export const namespaceOf = (o: Named): string => o.metadata.namespace ?? 'default'
export const labelsOf = (o: Named): StringMap => o.metadata.labels ?? {}
export const annotationsOf = (o: Named): StringMap => o.metadata.annotations ?? {}
export const isBeingDeleted = (o: Named): boolean => o.metadata.deletionTimestamp != null

/** The controller owner reference (`controller: true`), as `metav1.GetControllerOf`. */
export const controllerOf = (o: Named): OwnerReference | undefined =>
  (o.metadata.ownerReferences ?? []).find((ref) => ref.controller === true)

/** An owner reference that marks `owner` as the managing controller of an object. */
export const controllerRef = (apiVersion: string, kind: string, owner: Named): OwnerReference => ({
  apiVersion,
  kind,
  name: nameOf(owner),
  uid: owner.metadata.uid ?? '',
  controller: true,
  blockOwnerDeletion: true,
})
