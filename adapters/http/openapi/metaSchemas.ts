import { atomicList, bool, doc, int64, keyedList, opaque, setList, str, stringMap, struct, time } from './schema'

const meta = 'io.k8s.apimachinery.pkg.apis.meta.v1'

export const ownerReference = struct(
  `${meta}.OwnerReference`,
  {
    apiVersion: str('API version of the owner.'),
    blockOwnerDeletion: bool('With foreground deletion, the owner is not removed before this object is.'),
    controller: bool('Marks the one owner that manages this object.'),
    kind: str('Kind of the owner.'),
    name: str('Name of the owner.'),
    uid: str('UID of the owner.'),
  },
  { description: 'Names an object this one belongs to; deleting the owner collects its dependents.', required: ['apiVersion', 'kind', 'name', 'uid'], atomic: true },
)

export const managedFieldsEntry = struct(
  `${meta}.ManagedFieldsEntry`,
  {
    apiVersion: str('API version the fields were written in.'),
    fieldsType: str('Format of fieldsV1; always "FieldsV1".'),
    fieldsV1: opaque(`${meta}.FieldsV1`, 'The set of fields, as a trie of f:/k:/v:/i: keys.'),
    manager: str('Who wrote the fields.'),
    operation: str('Apply or Update.'),
    subresource: str('The subresource written through, if any.'),
    time: doc(time, 'When the fields last changed hands.'),
  },
  { description: 'One field manager and the fields it owns.' },
)

export const objectMeta = struct(
  `${meta}.ObjectMeta`,
  {
    annotations: stringMap('Free-form key/value data for tools; not used for selection.'),
    creationTimestamp: doc(time, 'When the server stored the object; read-only.'),
    deletionGracePeriodSeconds: int64('Seconds the object is given to terminate once deletion started; read-only.'),
    deletionTimestamp: doc(time, 'When deletion was requested; read-only.'),
    finalizers: setList(str(), 'Keys that must all be removed before the object is deleted.'),
    generateName: str('Prefix for a server-generated name, used when name is empty.'),
    generation: int64('Counts changes of the desired state; read-only.'),
    labels: stringMap('Key/value pairs selectors match on.'),
    managedFields: atomicList(managedFieldsEntry, 'Which field manager owns which fields; maintained by the server.'),
    name: str('Unique within the namespace (or the cluster, for cluster-scoped kinds).'),
    namespace: str('The namespace the object lives in.'),
    ownerReferences: keyedList(ownerReference, ['uid'], 'Objects this one belongs to.'),
    resourceVersion: str('Opaque version of this state, for optimistic concurrency and watches; read-only.'),
    selfLink: str('Unused; kept for compatibility.'),
    uid: str('Unique identity over time; read-only.'),
  },
  { description: 'Metadata every stored object has: identity, labels, annotations, ownership and lifecycle marks.' },
)

const labelSelectorRequirement = struct(
  `${meta}.LabelSelectorRequirement`,
  {
    key: str('The label key.'),
    operator: str('In, NotIn, Exists or DoesNotExist.'),
    values: atomicList(str(), 'Values for In and NotIn; empty for Exists and DoesNotExist.'),
  },
  { required: ['key', 'operator'] },
)

export const labelSelector = struct(
  `${meta}.LabelSelector`,
  {
    matchExpressions: atomicList(labelSelectorRequirement, 'Requirements, all of which must hold.'),
    matchLabels: stringMap('Labels that must be present with these values.'),
  },
  { description: 'Matches objects by labels; an empty selector matches everything, a null one nothing.', atomic: true },
)

/** `core/v1 ObjectReference`, as events and CronJob status point at objects. */
export const objectReference = struct(
  'io.k8s.api.core.v1.ObjectReference',
  {
    apiVersion: str(),
    fieldPath: str('A part of the object, such as a container.'),
    kind: str(),
    name: str(),
    namespace: str(),
    resourceVersion: str(),
    uid: str(),
  },
  { description: 'Points at one object.', atomic: true },
)

export const localObjectReference = struct('io.k8s.api.core.v1.LocalObjectReference', { name: str('Name of the object in the same namespace.') }, { atomic: true })

/** The fields every kind starts with. */
export const typeMeta = {
  apiVersion: str('The group/version of the schema the object follows, such as apps/v1.'),
  kind: str('The kind of object, in CamelCase, such as DaemonSet.'),
  metadata: doc(objectMeta, 'Name, namespace, labels, annotations, owners and lifecycle marks of the object.'),
}
