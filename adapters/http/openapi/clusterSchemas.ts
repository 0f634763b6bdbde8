import { objectReference, typeMeta } from './metaSchemas'
import { atomicList, bool, doc, int32, keyedList, mapOf, microTime, opaque, quantity, setList, str, struct, time } from './schema'

const core = 'io.k8s.api.core.v1'

const taint = struct(
  `${core}.Taint`,
  { effect: str('NoSchedule, PreferNoSchedule or NoExecute.'), key: str(), timeAdded: time, value: str() },
  { required: ['key', 'effect'] },
)

const nodeCondition = struct(
  `${core}.NodeCondition`,
  { lastHeartbeatTime: time, lastTransitionTime: time, message: str(), reason: str(), status: str(), type: str() },
  { required: ['type', 'status'] },
)

const nodeSpec = struct(`${core}.NodeSpec`, {
  configSource: opaque(`${core}.NodeConfigSource`),
  externalID: str(),
  podCIDR: str(),
  podCIDRs: setList(str()),
  providerID: str(),
  taints: atomicList(taint, 'Taints repel pods that do not tolerate them.'),
  unschedulable: bool('When true, no new pods are placed on the node.'),
})

const nodeStatus = struct(`${core}.NodeStatus`, {
  addresses: keyedList(opaque(`${core}.NodeAddress`), ['type']),
  allocatable: mapOf(quantity),
  capacity: mapOf(quantity),
  conditions: keyedList(nodeCondition, ['type'], 'Ready, MemoryPressure, NetworkUnavailable, …'),
  config: opaque(),
  daemonEndpoints: opaque(),
  features: opaque(),
  images: atomicList(opaque()),
  nodeInfo: opaque(`${core}.NodeSystemInfo`),
  phase: str(),
  runtimeHandlers: atomicList(opaque()),
  volumesAttached: atomicList(opaque()),
  volumesInUse: atomicList(str()),
})

export const node = struct(
  `${core}.Node`,
  { ...typeMeta, spec: doc(nodeSpec, 'How pods may use the node.'), status: doc(nodeStatus, 'What the node reports.') },
  { description: 'A machine pods run on.' },
)

export const namespace = struct(
  `${core}.Namespace`,
  {
    ...typeMeta,
    spec: struct(`${core}.NamespaceSpec`, { finalizers: atomicList(str()) }),
    status: struct(`${core}.NamespaceStatus`, { conditions: keyedList(opaque(), ['type']), phase: str('Active or Terminating.') }),
  },
  { description: 'A scope for names; most objects live in one.' },
)

export const event = struct(
  `${core}.Event`,
  {
    ...typeMeta,
    action: str(),
    count: int32('How many times the event happened.'),
    eventTime: microTime,
    firstTimestamp: doc(time, 'When it first happened.'),
    involvedObject: doc(objectReference, 'The object the event is about.'),
    lastTimestamp: doc(time, 'When it last happened.'),
    message: str('What happened, for people.'),
    reason: str('What happened, as a short CamelCase word.'),
    related: objectReference,
    reportingComponent: str(),
    reportingInstance: str(),
    series: struct(`${core}.EventSeries`, { count: int32(), lastObservedTime: microTime }),
    source: struct(`${core}.EventSource`, { component: str('Who reported it.'), host: str() }),
    type: str('Normal or Warning.'),
  },
  { description: 'A report of something that happened to an object.', required: ['metadata', 'involvedObject'] },
)
