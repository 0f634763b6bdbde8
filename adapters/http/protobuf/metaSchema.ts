import { boolP, i64, i64P, msg, msgs, str, strMap, strP, strs, time, type Schema } from './schema'

/** Tables for k8s.io/apimachinery meta/v1 and runtime messages. */

export const typeMeta: Schema = { 1: str('apiVersion'), 2: str('kind') }

export const ownerReference: Schema = {
  1: str('kind'),
  3: str('name'),
  4: str('uid'),
  5: str('apiVersion'),
  6: boolP('controller'),
  7: boolP('blockOwnerDeletion'),
}

// managedFields (17) is left out on purpose: it is skipped by its number, as the server owns it.
export const objectMeta: Schema = {
  1: str('name'),
  2: str('generateName'),
  3: str('namespace'),
  4: str('selfLink'),
  5: str('uid'),
  6: str('resourceVersion'),
  7: i64('generation'),
  8: time('creationTimestamp'),
  9: time('deletionTimestamp'),
  10: i64P('deletionGracePeriodSeconds'),
  11: strMap('labels'),
  12: strMap('annotations'),
  13: msgs('ownerReferences', ownerReference),
  14: strs('finalizers'),
}

export const labelSelectorRequirement: Schema = { 1: str('key'), 2: str('operator'), 3: strs('values') }

export const labelSelector: Schema = { 1: strMap('matchLabels'), 2: msgs('matchExpressions', labelSelectorRequirement) }

export const preconditions: Schema = { 1: strP('uid'), 2: strP('resourceVersion') }

export const deleteOptions: Schema = {
  1: i64P('gracePeriodSeconds'),
  2: msg('preconditions', preconditions),
  3: boolP('orphanDependents'),
  4: strP('propagationPolicy'),
  5: strs('dryRun'),
  6: boolP('ignoreStoreReadErrorWithClusterBreakingPotential'),
}
