import { localObjectReference, objectMeta, typeMeta } from './metaSchemas'
import { podStatus } from './podStatusSchemas'
import {
  atomicList,
  bool,
  doc,
  int32,
  int64,
  keyedList,
  mapOf,
  opaque,
  quantity,
  str,
  stringMap,
  struct,
} from './schema'

const core = 'io.k8s.api.core.v1'

/** Types this server does not look into; each is accepted whole, as named upstream. */
const opaqueCore = (name: string, description?: string) => opaque(`${core}.${name}`, description)

const containerPort = struct(
  `${core}.ContainerPort`,
  {
    containerPort: int32('Port number on the pod IP.'),
    hostIP: str(),
    hostPort: int32(),
    name: str(),
    protocol: str('TCP, UDP or SCTP; TCP when left out.'),
  },
  { required: ['containerPort'] },
)

const envVar = struct(
  `${core}.EnvVar`,
  { name: str('Variable name.'), value: str('Literal value.'), valueFrom: opaqueCore('EnvVarSource', 'Where the value comes from instead of value.') },
  { required: ['name'] },
)

const volumeMount = struct(
  `${core}.VolumeMount`,
  {
    mountPath: str('Path in the container.'),
    mountPropagation: str(),
    name: str('Name of the pod volume.'),
    readOnly: bool(),
    recursiveReadOnly: str(),
    subPath: str(),
    subPathExpr: str(),
  },
  { required: ['name', 'mountPath'] },
)

const volumeDevice = struct(`${core}.VolumeDevice`, { devicePath: str(), name: str() }, { required: ['name', 'devicePath'] })

const resourceRequirements = struct(`${core}.ResourceRequirements`, {
  claims: keyedList(opaqueCore('ResourceClaim'), ['name']),
  limits: mapOf(quantity, 'The most of each resource the container may use.'),
  requests: mapOf(quantity, 'The amount of each resource the scheduler reserves.'),
})

const container = struct(
  `${core}.Container`,
  {
    args: atomicList(str(), 'Arguments to the entrypoint.'),
    command: atomicList(str(), 'The entrypoint; the image default when left out.'),
    env: keyedList(envVar, ['name'], 'Environment variables.'),
    envFrom: atomicList(opaqueCore('EnvFromSource')),
    image: str('Container image to run.'),
    imagePullPolicy: str('Always, Never or IfNotPresent.'),
    lifecycle: opaqueCore('Lifecycle'),
    livenessProbe: opaqueCore('Probe'),
    name: str('Unique name of the container in the pod.'),
    ports: keyedList(containerPort, ['containerPort', 'protocol'], 'Ports the container listens on.', { protocol: 'TCP' }),
    readinessProbe: opaqueCore('Probe'),
    resizePolicy: atomicList(opaqueCore('ContainerResizePolicy')),
    resources: doc(resourceRequirements, 'Compute resources requested and limited.'),
    restartPolicy: str(),
    securityContext: opaqueCore('SecurityContext'),
    startupProbe: opaqueCore('Probe'),
    stdin: bool(),
    stdinOnce: bool(),
    terminationMessagePath: str(),
    terminationMessagePolicy: str(),
    tty: bool(),
    volumeDevices: keyedList(volumeDevice, ['devicePath']),
    volumeMounts: keyedList(volumeMount, ['mountPath'], 'Volumes mounted into the container.'),
    workingDir: str(),
  },
  { description: 'One container of a pod.', required: ['name'] },
)

const hostPathSource = struct(`${core}.HostPathVolumeSource`, { path: str('Path on the node.'), type: str() }, { required: ['path'] })
const emptyDirSource = struct(`${core}.EmptyDirVolumeSource`, { medium: str(), sizeLimit: quantity })

/** The volume source kinds, each a field of Volume; only hostPath and emptyDir are looked into. */
const volumeSources = [
  'awsElasticBlockStore', 'azureDisk', 'azureFile', 'cephfs', 'cinder', 'configMap', 'csi', 'downwardAPI', 'ephemeral',
  'fc', 'flexVolume', 'flocker', 'gcePersistentDisk', 'gitRepo', 'glusterfs', 'image', 'iscsi', 'nfs', 'persistentVolumeClaim',
  'photonPersistentDisk', 'portworxVolume', 'projected', 'quobyte', 'rbd', 'scaleIO', 'secret', 'storageos', 'vsphereVolume',
] as const

const volume = struct(
  `${core}.Volume`,
  {
    name: str('Name containers mount the volume by.'),
    ...Object.fromEntries(volumeSources.map((s) => [s, opaque()])),
    emptyDir: emptyDirSource,
    hostPath: doc(hostPathSource, 'A file or directory of the node.'),
  },
  { description: 'A named volume the containers of a pod can mount.', required: ['name'] },
)

const toleration = struct(`${core}.Toleration`, {
  effect: str('NoSchedule, PreferNoSchedule or NoExecute; empty matches all.'),
  key: str('Taint key; empty with Exists matches every taint.'),
  operator: str('Exists or Equal (the default).'),
  tolerationSeconds: int64('How long a NoExecute taint is tolerated.'),
  value: str(),
})

const hostAlias = struct(`${core}.HostAlias`, { hostnames: atomicList(str()), ip: str() }, { required: ['ip'] })

export const podSpec = struct(
  `${core}.PodSpec`,
  {
    activeDeadlineSeconds: int64(),
    affinity: opaqueCore('Affinity', 'Scheduling constraints.'),
    automountServiceAccountToken: bool(),
    containers: keyedList(container, ['name'], 'The containers of the pod; at least one.'),
    dnsConfig: opaqueCore('PodDNSConfig'),
    dnsPolicy: str(),
    enableServiceLinks: bool(),
    ephemeralContainers: keyedList(opaqueCore('EphemeralContainer'), ['name']),
    hostAliases: keyedList(hostAlias, ['ip']),
    hostIPC: bool(),
    hostNetwork: bool('Use the node network namespace.'),
    hostPID: bool(),
    hostUsers: bool(),
    hostname: str(),
    imagePullSecrets: keyedList(localObjectReference, ['name']),
    initContainers: keyedList(container, ['name'], 'Containers run to completion, in order, before the others start.'),
    nodeName: str('The node the pod is bound to.'),
    nodeSelector: stringMap('Node labels the pod requires.'),
    os: opaqueCore('PodOS'),
    overhead: mapOf(quantity),
    preemptionPolicy: str(),
    priority: int32(),
    priorityClassName: str(),
    readinessGates: atomicList(opaqueCore('PodReadinessGate')),
    resourceClaims: keyedList(opaqueCore('PodResourceClaim'), ['name']),
    resources: opaqueCore('ResourceRequirements'),
    restartPolicy: str('Always, OnFailure or Never.'),
    runtimeClassName: str(),
    schedulerName: str(),
    schedulingGates: keyedList(opaqueCore('PodSchedulingGate'), ['name']),
    securityContext: opaqueCore('PodSecurityContext'),
    serviceAccount: str(),
    serviceAccountName: str(),
    setHostnameAsFQDN: bool(),
    shareProcessNamespace: bool(),
    subdomain: str(),
    terminationGracePeriodSeconds: int64('Seconds between SIGTERM and SIGKILL.'),
    tolerations: atomicList(toleration, 'Taints the pod tolerates.'),
    topologySpreadConstraints: keyedList(opaqueCore('TopologySpreadConstraint'), ['topologyKey', 'whenUnsatisfiable']),
    volumes: keyedList(volume, ['name'], 'Volumes the containers can mount.'),
  },
  { description: 'What a pod runs and how it is scheduled.', required: ['containers'] },
)

export const podTemplateSpec = struct(
  `${core}.PodTemplateSpec`,
  { metadata: doc(objectMeta, 'Labels and annotations of the pods made from the template.'), spec: doc(podSpec, 'The pods\' spec.') },
  { description: 'The pods a workload creates.' },
)

export const pod = struct(
  `${core}.Pod`,
  {
    ...typeMeta,
    spec: doc(podSpec, 'What the pod runs.'),
    status: doc(podStatus, 'What the pod is doing, as the kubelet reports it.'),
  },
  { description: 'A group of containers scheduled together on one node.' },
)

