import { boolP, i64, i64P, msg, msgs, str, strP, strs, i64s, type Schema } from './schema'

/** Tables for core/v1 security contexts of containers and pods. */

const seLinuxOptions: Schema = { 1: str('user'), 2: str('role'), 3: str('type'), 4: str('level') }

const windowsOptions: Schema = {
  1: strP('gmsaCredentialSpecName'),
  2: strP('gmsaCredentialSpec'),
  3: strP('runAsUserName'),
  4: boolP('hostProcess'),
}

/** SeccompProfile and AppArmorProfile share one shape. */
const profile: Schema = { 1: str('type'), 2: strP('localhostProfile') }

export const securityContext: Schema = {
  1: msg('capabilities', { 1: strs('add'), 2: strs('drop') }),
  2: boolP('privileged'),
  3: msg('seLinuxOptions', seLinuxOptions),
  4: i64P('runAsUser'),
  5: boolP('runAsNonRoot'),
  6: boolP('readOnlyRootFilesystem'),
  7: boolP('allowPrivilegeEscalation'),
  8: i64P('runAsGroup'),
  9: strP('procMount'),
  10: msg('windowsOptions', windowsOptions),
  11: msg('seccompProfile', profile),
  12: msg('appArmorProfile', profile),
  13: msgs('ulimits', { 1: str('name'), 2: i64('hard'), 3: i64('soft') }),
}

export const podSecurityContext: Schema = {
  1: msg('seLinuxOptions', seLinuxOptions),
  2: i64P('runAsUser'),
  3: boolP('runAsNonRoot'),
  4: i64s('supplementalGroups'),
  5: i64P('fsGroup'),
  6: i64P('runAsGroup'),
  7: msgs('sysctls', { 1: str('name'), 2: str('value') }),
  8: msg('windowsOptions', windowsOptions),
  9: strP('fsGroupChangePolicy'),
  10: msg('seccompProfile', profile),
  11: msg('appArmorProfile', profile),
  12: strP('supplementalGroupsPolicy'),
  13: strP('seLinuxChangePolicy'),
}

