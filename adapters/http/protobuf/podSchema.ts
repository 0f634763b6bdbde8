import { affinity, topologySpreadConstraint } from './affinitySchema'
import { container, ephemeralContainer, resourceRequirements } from './containerSchema'
import { localObjectReference } from './coreSchema'
import { objectMeta } from './metaSchema'
import { bool, boolP, i32P, i64P, msg, msgs, qtyMap, str, strMap, strP, strs, type Schema } from './schema'
import { podSecurityContext } from './securitySchema'
import { volume } from './volumeSchema'

/** Tables for core/v1 PodSpec and PodTemplateSpec. */

const toleration: Schema = { 1: str('key'), 2: str('operator'), 3: str('value'), 4: str('effect'), 5: i64P('tolerationSeconds') }

const podDNSConfig: Schema = {
  1: strs('nameservers'),
  2: strs('searches'),
  3: msgs('options', { 1: str('name'), 2: strP('value') }),
}

const podResourceClaim: Schema = { 1: str('name'), 3: strP('resourceClaimName'), 4: strP('resourceClaimTemplateName') }

export const podSpec: Schema = {
  1: msgs('volumes', volume),
  2: msgs('containers', container),
  3: str('restartPolicy'),
  4: i64P('terminationGracePeriodSeconds'),
  5: i64P('activeDeadlineSeconds'),
  6: str('dnsPolicy'),
  7: strMap('nodeSelector'),
  8: str('serviceAccountName'),
  9: str('serviceAccount'),
  10: str('nodeName'),
  11: bool('hostNetwork'),
  12: bool('hostPID'),
  13: bool('hostIPC'),
  14: msg('securityContext', podSecurityContext),
  15: msgs('imagePullSecrets', localObjectReference),
  16: str('hostname'),
  17: str('subdomain'),
  18: msg('affinity', affinity),
  19: str('schedulerName'),
  20: msgs('initContainers', container),
  21: boolP('automountServiceAccountToken'),
  22: msgs('tolerations', toleration),
  23: msgs('hostAliases', { 1: str('ip'), 2: strs('hostnames') }),
  24: str('priorityClassName'),
  25: i32P('priority'),
  26: msg('dnsConfig', podDNSConfig),
  27: boolP('shareProcessNamespace'),
  28: msgs('readinessGates', { 1: str('conditionType') }),
  29: strP('runtimeClassName'),
  30: boolP('enableServiceLinks'),
  31: strP('preemptionPolicy'),
  32: qtyMap('overhead'),
  33: msgs('topologySpreadConstraints', topologySpreadConstraint),
  34: msgs('ephemeralContainers', ephemeralContainer),
  35: boolP('setHostnameAsFQDN'),
  36: msg('os', { 1: str('name') }),
  37: boolP('hostUsers'),
  38: msgs('schedulingGates', { 1: str('name') }),
  39: msgs('resourceClaims', podResourceClaim),
  40: msg('resources', resourceRequirements),
  41: strP('hostnameOverride'),
  42: msg('workloadRef', { 1: str('name'), 2: str('podGroup'), 3: str('podGroupReplicaKey') }),
}

export const podTemplateSpec: Schema = { 1: msg('metadata', objectMeta), 2: msg('spec', podSpec) }
