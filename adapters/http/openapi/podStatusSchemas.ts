import { atomicList, bool, doc, int32, keyedList, opaque, str, struct, time } from './schema'

const core = 'io.k8s.api.core.v1'

const podCondition = struct(
  `${core}.PodCondition`,
  { lastProbeTime: time, lastTransitionTime: time, message: str(), reason: str(), status: str('True, False or Unknown.'), type: str('PodScheduled, Initialized, ContainersReady, Ready, …') },
  { required: ['type', 'status'] },
)

const containerState = struct(`${core}.ContainerState`, {
  running: struct(`${core}.ContainerStateRunning`, { startedAt: time }),
  terminated: struct(
    `${core}.ContainerStateTerminated`,
    { containerID: str(), exitCode: int32(), finishedAt: time, message: str(), reason: str(), signal: int32(), startedAt: time },
    { required: ['exitCode'] },
  ),
  waiting: struct(`${core}.ContainerStateWaiting`, { message: str(), reason: str() }),
})

const containerStatus = struct(
  `${core}.ContainerStatus`,
  {
    allocatedResources: opaque(),
    allocatedResourcesStatus: atomicList(opaque()),
    containerID: str(),
    image: str(),
    imageID: str(),
    lastState: doc(containerState, 'The previous run, after a restart.'),
    name: str(),
    ready: bool(),
    resources: opaque(`${core}.ResourceRequirements`),
    restartCount: int32(),
    started: bool(),
    state: doc(containerState, 'What the container is doing now.'),
    user: opaque(),
    volumeMounts: atomicList(opaque()),
  },
  { required: ['name', 'ready', 'restartCount', 'image', 'imageID'] },
)

const podIP = struct(`${core}.PodIP`, { ip: str() })

export const podStatus = struct(
  `${core}.PodStatus`,
  {
    conditions: keyedList(podCondition, ['type']),
    containerStatuses: atomicList(containerStatus),
    ephemeralContainerStatuses: atomicList(containerStatus),
    hostIP: str(),
    hostIPs: atomicList(podIP),
    initContainerStatuses: atomicList(containerStatus),
    message: str(),
    nominatedNodeName: str(),
    phase: str('Pending, Running, Succeeded, Failed or Unknown.'),
    podIP: str(),
    podIPs: keyedList(podIP, ['ip']),
    qosClass: str(),
    reason: str(),
    resize: str(),
    resourceClaimStatuses: keyedList(opaque(), ['name']),
    startTime: time,
  },
  { description: 'The observed state of a pod.' },
)
