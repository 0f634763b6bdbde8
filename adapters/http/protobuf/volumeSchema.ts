import { keyToPath, localObjectReference, objectFieldSelector, resourceFieldSelector } from './coreSchema'
import { labelSelector, objectMeta } from './metaSchema'
import { bool, boolP, i32P, i64P, inline, msg, msgs, qty, qtyMap, str, strMap, strP, strs, type Schema } from './schema'

/**
 * Tables for core/v1 Volume with its common sources. Cloud- and vendor-specific sources
 * (gcePersistentDisk, awsElasticBlockStore, rbd, …) are not listed: their field numbers are
 * skipped, so such a volume arrives with only its name.
 */

const downwardAPIVolumeFile: Schema = {
  1: str('path'),
  2: msg('fieldRef', objectFieldSelector),
  3: msg('resourceFieldRef', resourceFieldSelector),
  4: i32P('mode'),
}

/** ConfigMapProjection and SecretProjection share one shape. */
const keyProjection: Schema = { 1: inline(localObjectReference), 2: msgs('items', keyToPath), 4: boolP('optional') }

const volumeProjection: Schema = {
  1: msg('secret', keyProjection),
  2: msg('downwardAPI', { 1: msgs('items', downwardAPIVolumeFile) }),
  3: msg('configMap', keyProjection),
  4: msg('serviceAccountToken', { 1: str('audience'), 2: i64P('expirationSeconds'), 3: str('path') }),
  5: msg('clusterTrustBundle', {
    1: strP('name'),
    2: strP('signerName'),
    3: msg('labelSelector', labelSelector),
    4: str('path'),
    5: boolP('optional'),
  }),
  6: msg('podCertificate', {
    1: str('signerName'),
    2: str('keyType'),
    3: i32P('maxExpirationSeconds'),
    4: str('credentialBundlePath'),
    5: str('keyPath'),
    6: str('certificateChainPath'),
    7: strMap('userAnnotations'),
  }),
}

/** TypedLocalObjectReference, and TypedObjectReference with its namespace (4). */
const typedObjectReference: Schema = { 1: strP('apiGroup'), 2: str('kind'), 3: str('name'), 4: strP('namespace') }

const persistentVolumeClaimSpec: Schema = {
  1: strs('accessModes'),
  2: msg('resources', { 1: qtyMap('limits'), 2: qtyMap('requests') }),
  3: str('volumeName'),
  4: msg('selector', labelSelector),
  5: strP('storageClassName'),
  6: strP('volumeMode'),
  7: msg('dataSource', typedObjectReference),
  8: msg('dataSourceRef', typedObjectReference),
  9: strP('volumeAttributesClassName'),
}

const volumeSource: Schema = {
  1: msg('hostPath', { 1: str('path'), 2: strP('type') }),
  2: msg('emptyDir', { 1: str('medium'), 2: qty('sizeLimit') }),
  6: msg('secret', { 1: str('secretName'), 2: msgs('items', keyToPath), 3: i32P('defaultMode'), 4: boolP('optional') }),
  7: msg('nfs', { 1: str('server'), 2: str('path'), 3: bool('readOnly') }),
  10: msg('persistentVolumeClaim', { 1: str('claimName'), 2: bool('readOnly') }),
  16: msg('downwardAPI', { 1: msgs('items', downwardAPIVolumeFile), 2: i32P('defaultMode') }),
  19: msg('configMap', { 1: inline(localObjectReference), 2: msgs('items', keyToPath), 3: i32P('defaultMode'), 4: boolP('optional') }),
  26: msg('projected', { 1: msgs('sources', volumeProjection), 2: i32P('defaultMode') }),
  28: msg('csi', {
    1: str('driver'),
    2: boolP('readOnly'),
    3: strP('fsType'),
    4: strMap('volumeAttributes'),
    5: msg('nodePublishSecretRef', localObjectReference),
  }),
  29: msg('ephemeral', {
    1: msg('volumeClaimTemplate', { 1: msg('metadata', objectMeta), 2: msg('spec', persistentVolumeClaimSpec) }),
  }),
  30: msg('image', { 1: str('reference'), 2: str('pullPolicy') }),
}

export const volume: Schema = { 1: str('name'), 2: inline(volumeSource) }
