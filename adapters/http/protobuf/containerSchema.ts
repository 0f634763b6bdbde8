import { keySelector, localObjectReference, objectFieldSelector, resourceFieldSelector } from './coreSchema'
import { bool, boolP, i32, i32s, i64, i64P, inline, intOrStr, msg, msgs, qtyMap, str, strP, strs, type Schema } from './schema'
import { securityContext } from './securitySchema'

/** Tables for core/v1 Container and what hangs off it (env, ports, probes, lifecycle, mounts). */

const containerPort: Schema = { 1: str('name'), 2: i32('hostPort'), 3: i32('containerPort'), 4: str('protocol'), 5: str('hostIP') }

const envVarSource: Schema = {
  1: msg('fieldRef', objectFieldSelector),
  2: msg('resourceFieldRef', resourceFieldSelector),
  3: msg('configMapKeyRef', keySelector),
  4: msg('secretKeyRef', keySelector),
  5: msg('fileKeyRef', { 1: str('volumeName'), 2: str('path'), 3: str('key'), 4: boolP('optional') }),
}

const envVar: Schema = { 1: str('name'), 2: str('value'), 3: msg('valueFrom', envVarSource) }

/** ConfigMapEnvSource and SecretEnvSource share one shape. */
const envSource: Schema = { 1: inline(localObjectReference), 2: boolP('optional') }

const envFromSource: Schema = { 1: str('prefix'), 2: msg('configMapRef', envSource), 3: msg('secretRef', envSource) }

export const resourceRequirements: Schema = {
  1: qtyMap('limits'),
  2: qtyMap('requests'),
  3: msgs('claims', { 1: str('name'), 2: str('request') }),
}

const volumeMount: Schema = {
  1: str('name'),
  2: bool('readOnly'),
  3: str('mountPath'),
  4: str('subPath'),
  5: strP('mountPropagation'),
  6: str('subPathExpr'),
  7: strP('recursiveReadOnly'),
}

const execAction: Schema = { 1: strs('command') }

const httpGetAction: Schema = {
  1: str('path'),
  2: intOrStr('port'),
  3: str('host'),
  4: str('scheme'),
  5: msgs('httpHeaders', { 1: str('name'), 2: str('value') }),
}

const tcpSocketAction: Schema = { 1: intOrStr('port'), 2: str('host') }

const probeHandler: Schema = {
  1: msg('exec', execAction),
  2: msg('httpGet', httpGetAction),
  3: msg('tcpSocket', tcpSocketAction),
  4: msg('grpc', { 1: i32('port'), 2: strP('service') }),
}

const probe: Schema = {
  1: inline(probeHandler),
  2: i32('initialDelaySeconds'),
  3: i32('timeoutSeconds'),
  4: i32('periodSeconds'),
  5: i32('successThreshold'),
  6: i32('failureThreshold'),
  7: i64P('terminationGracePeriodSeconds'),
}

const lifecycleHandler: Schema = {
  1: msg('exec', execAction),
  2: msg('httpGet', httpGetAction),
  3: msg('tcpSocket', tcpSocketAction),
  4: msg('sleep', { 1: i64('seconds') }),
}

const lifecycle: Schema = { 1: msg('postStart', lifecycleHandler), 2: msg('preStop', lifecycleHandler), 3: strP('stopSignal') }

const containerRestartRule: Schema = {
  1: str('action'),
  2: msg('exitCodes', { 1: str('operator'), 2: i32s('values') }),
}

export const container: Schema = {
  1: str('name'),
  2: str('image'),
  3: strs('command'),
  4: strs('args'),
  5: str('workingDir'),
  6: msgs('ports', containerPort),
  7: msgs('env', envVar),
  8: msg('resources', resourceRequirements),
  9: msgs('volumeMounts', volumeMount),
  10: msg('livenessProbe', probe),
  11: msg('readinessProbe', probe),
  12: msg('lifecycle', lifecycle),
  13: str('terminationMessagePath'),
  14: str('imagePullPolicy'),
  15: msg('securityContext', securityContext),
  16: bool('stdin'),
  17: bool('stdinOnce'),
  18: bool('tty'),
  19: msgs('envFrom', envFromSource),
  20: str('terminationMessagePolicy'),
  21: msgs('volumeDevices', { 1: str('name'), 2: str('devicePath') }),
  22: msg('startupProbe', probe),
  23: msgs('resizePolicy', { 1: str('resourceName'), 2: str('restartPolicy') }),
  24: strP('restartPolicy'),
  25: msgs('restartPolicyRules', containerRestartRule),
}

export const ephemeralContainer: Schema = { 1: inline(container), 2: str('targetContainerName') }

