import * as fs from 'node:fs'
import * as path from 'node:path'
import type { Kubectl } from './kubectlRunner'
import { kubectlSession, type KubectlSession } from './testCluster'

/**
 * kubectl's imperative creates go through typed clients, which send Kubernetes protobuf bodies.
 * The real kubectl must be on PATH: when it is missing these tests fail, they never skip.
 */
const repo = path.resolve(__dirname, '..', '..')

let session: KubectlSession
let kubectl: Kubectl

beforeAll(async () => {
  session = await kubectlSession({ nodes: 2, speed: 4 }, repo)
  kubectl = session.kubectl
})
afterAll(() => session.stop())

const getJson = async (args: ReadonlyArray<string>): Promise<Record<string, any>> => {
  const r = await kubectl([...args, '-o', 'json'])
  expect(r.stderr).toBe('')
  return JSON.parse(r.stdout) as Record<string, any>
}

const until = async (check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return true
    await new Promise((r) => setTimeout(r, 250))
  }
  return false
}

/** The seed's hello CronJob, with a template that exercises more of the pod schema. */
const helloManifest = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: hello
spec:
  schedule: "*/1 * * * *"
  jobTemplate:
    spec:
      backoffLimit: 0
      activeDeadlineSeconds: 600
      ttlSecondsAfterFinished: 0
      template:
        metadata:
          labels: { app: hello }
        spec:
          containers:
          - name: hello
            image: busybox
            args: [/bin/sh, -c, date; echo Hello from the Kubernetes cluster]
            env:
            - { name: GREETING, value: hi }
            - name: NODE
              valueFrom: { fieldRef: { fieldPath: spec.nodeName } }
            resources:
              limits: { cpu: 500m, memory: 64Mi }
            ports: [{ containerPort: 8080, name: http }]
            readinessProbe:
              httpGet: { path: /healthz, port: http }
            volumeMounts: [{ name: scratch, mountPath: /scratch }]
          volumes: [{ name: scratch, emptyDir: {} }]
          tolerations: [{ key: dedicated, operator: Exists, effect: NoExecute, tolerationSeconds: 0 }]
          restartPolicy: OnFailure
`

/**
 * A kitchen-sink CronJob whose jobTemplate touches as many protobuf table entries as admission
 * accepts. `kubectl create job --from=cronjob/sink` re-encodes the stored template with the real
 * Go protobuf encoder, so any wrong field number in our tables shows up as a difference.
 */
const sinkManifest = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: sink
spec:
  schedule: "0 0 1 1 *"
  suspend: true
  jobTemplate:
    metadata:
      labels: { tier: batch }
      annotations: { example.com/job-note: sink }
    spec:
      backoffLimit: 1
      template:
        metadata:
          labels: { app: sink, tier: batch }
          annotations: { example.com/owner: team-a, note: kitchen sink }
        spec:
          restartPolicy: Never
          activeDeadlineSeconds: 300
          terminationGracePeriodSeconds: 5
          dnsPolicy: None
          dnsConfig:
            nameservers: [10.0.0.10]
            searches: [svc.cluster.local, example.com]
            options: [{ name: ndots, value: "2" }, { name: edns0 }]
          hostname: sink-host
          subdomain: sink-sub
          serviceAccountName: default
          automountServiceAccountToken: false
          enableServiceLinks: false
          shareProcessNamespace: true
          hostIPC: true
          setHostnameAsFQDN: true
          os: { name: linux }
          priorityClassName: high-priority
          priority: 1000
          preemptionPolicy: Never
          runtimeClassName: runc
          imagePullSecrets: [{ name: regcred }]
          schedulingGates: [{ name: example.com/gate }]
          schedulerName: default-scheduler
          nodeSelector: { kubernetes.io/os: linux }
          hostAliases: [{ ip: 10.1.2.3, hostnames: [foo.local, bar.local] }]
          readinessGates: [{ conditionType: example.com/ready }]
          securityContext:
            runAsUser: 1000
            runAsGroup: 3000
            runAsNonRoot: true
            fsGroup: 2000
            supplementalGroups: [4000, 5000]
            fsGroupChangePolicy: OnRootMismatch
            seccompProfile: { type: RuntimeDefault }
            appArmorProfile: { type: RuntimeDefault }
            sysctls: [{ name: net.ipv4.ip_unprivileged_port_start, value: "0" }]
            seLinuxOptions: { level: "s0:c123,c456" }
          affinity:
            nodeAffinity:
              requiredDuringSchedulingIgnoredDuringExecution:
                nodeSelectorTerms:
                - matchExpressions: [{ key: kubernetes.io/os, operator: In, values: [linux] }]
                  matchFields: [{ key: metadata.name, operator: NotIn, values: [nowhere] }]
              preferredDuringSchedulingIgnoredDuringExecution:
              - weight: 10
                preference:
                  matchExpressions: [{ key: disktype, operator: Exists }]
            podAffinity:
              preferredDuringSchedulingIgnoredDuringExecution:
              - weight: 5
                podAffinityTerm:
                  labelSelector: { matchLabels: { app: sink } }
                  namespaces: [default]
                  topologyKey: kubernetes.io/hostname
            podAntiAffinity:
              requiredDuringSchedulingIgnoredDuringExecution:
              - labelSelector:
                  matchExpressions: [{ key: app, operator: In, values: [other, another] }]
                namespaces: [default, kube-system]
                namespaceSelector: { matchLabels: { team: a } }
                topologyKey: kubernetes.io/hostname
          tolerations:
          - { key: dedicated, operator: Equal, value: batch, effect: NoSchedule }
          - { key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 30 }
          topologySpreadConstraints:
          - maxSkew: 1
            topologyKey: kubernetes.io/hostname
            whenUnsatisfiable: ScheduleAnyway
            labelSelector: { matchLabels: { app: sink } }
            nodeAffinityPolicy: Honor
            nodeTaintsPolicy: Ignore
          - maxSkew: 2
            topologyKey: topology.kubernetes.io/zone
            whenUnsatisfiable: DoNotSchedule
            minDomains: 1
            labelSelector: { matchLabels: { app: sink } }
            matchLabelKeys: [tier]
          initContainers:
          - name: init
            image: busybox
            command: [sh, -c, echo init]
            resources: { requests: { cpu: 10m } }
          - name: sidecar
            image: busybox
            restartPolicy: Always
            resizePolicy: [{ resourceName: cpu, restartPolicy: NotRequired }, { resourceName: memory, restartPolicy: RestartContainer }]
          containers:
          - name: main
            image: busybox:1.36
            imagePullPolicy: Always
            command: [/bin/sh, -c]
            args: [echo hi]
            workingDir: /work
            ports:
            - { name: http, containerPort: 8080, protocol: TCP }
            - { name: dns, containerPort: 5353, hostPort: 15353, protocol: UDP, hostIP: 127.0.0.1 }
            envFrom:
            - prefix: CM_
              configMapRef: { name: cm, optional: true }
            - secretRef: { name: sec, optional: false }
            env:
            - { name: PLAIN, value: plain }
            - name: POD_NAME
              valueFrom: { fieldRef: { apiVersion: v1, fieldPath: metadata.name } }
            - name: CPU_LIMIT
              valueFrom: { resourceFieldRef: { containerName: main, resource: limits.cpu, divisor: 1m } }
            - name: CM_KEY
              valueFrom: { configMapKeyRef: { name: cm, key: k, optional: true } }
            - name: SECRET_KEY
              valueFrom: { secretKeyRef: { name: sec, key: k, optional: false } }
            resources:
              limits: { cpu: "1", memory: 128Mi, ephemeral-storage: 1Gi }
              requests: { cpu: 250m, memory: 64Mi }
            volumeMounts:
            - { name: host, mountPath: /host, readOnly: true, mountPropagation: HostToContainer }
            - { name: scratch, mountPath: /scratch, subPath: sub }
            - { name: scratch, mountPath: /expr, subPathExpr: $(POD_NAME) }
            - { name: cfg, mountPath: /cfg }
            - { name: sec, mountPath: /sec, readOnly: true, recursiveReadOnly: IfPossible }
            - { name: claim, mountPath: /data }
            - { name: podinfo, mountPath: /podinfo }
            - { name: proj, mountPath: /proj }
            - { name: nfs, mountPath: /nfs }
            - { name: csi, mountPath: /csi }
            livenessProbe:
              exec: { command: [cat, /tmp/healthy] }
              initialDelaySeconds: 5
              timeoutSeconds: 2
              periodSeconds: 7
              successThreshold: 1
              failureThreshold: 4
              terminationGracePeriodSeconds: 10
            readinessProbe:
              httpGet:
                path: /ready
                port: 8080
                host: localhost
                scheme: HTTPS
                httpHeaders: [{ name: X-Probe, value: "yes" }, { name: X-Other, value: two }]
              initialDelaySeconds: 1
              timeoutSeconds: 3
              periodSeconds: 5
              successThreshold: 2
              failureThreshold: 6
            startupProbe:
              grpc: { port: 9090, service: health }
              periodSeconds: 2
              failureThreshold: 30
            lifecycle:
              postStart: { exec: { command: [sh, -c, echo started] } }
              preStop: { httpGet: { path: /stop, port: http, httpHeaders: [{ name: X-Stop, value: "1" }] } }
            terminationMessagePath: /tmp/term
            terminationMessagePolicy: FallbackToLogsOnError
            securityContext:
              capabilities: { add: [NET_ADMIN, SYS_TIME], drop: [ALL] }
              privileged: false
              readOnlyRootFilesystem: true
              allowPrivilegeEscalation: false
              runAsNonRoot: true
              runAsUser: 1001
              runAsGroup: 1002
              seLinuxOptions: { user: system_u, role: system_r, type: container_t, level: "s0:c1,c2" }
              seccompProfile: { type: Localhost, localhostProfile: profiles/audit.json }
              appArmorProfile: { type: Localhost, localhostProfile: k8s-apparmor-example }
              procMount: Default
            stdin: true
            stdinOnce: true
            tty: true
          - name: side
            image: busybox
            livenessProbe:
              tcpSocket: { port: 8081, host: 127.0.0.1 }
            lifecycle:
              preStop: { sleep: { seconds: 1 } }
            volumeDevices: [{ name: block, devicePath: /dev/xvda }]
          volumes:
          - { name: host, hostPath: { path: /var/log, type: Directory } }
          - { name: scratch, emptyDir: { medium: Memory, sizeLimit: 64Mi } }
          - name: cfg
            configMap: { name: cm, items: [{ key: k, path: k.txt, mode: 256 }], defaultMode: 420, optional: true }
          - name: sec
            secret: { secretName: sec, items: [{ key: k, path: k }], defaultMode: 384, optional: true }
          - { name: claim, persistentVolumeClaim: { claimName: data, readOnly: true } }
          - { name: block, persistentVolumeClaim: { claimName: blockdata } }
          - name: podinfo
            downwardAPI:
              defaultMode: 292
              items:
              - { path: labels, fieldRef: { apiVersion: v1, fieldPath: metadata.labels } }
              - { path: cpu, resourceFieldRef: { containerName: main, resource: requests.cpu, divisor: 1m }, mode: 288 }
          - name: proj
            projected:
              defaultMode: 288
              sources:
              - serviceAccountToken: { audience: api, expirationSeconds: 3600, path: token }
              - configMap: { name: cm, items: [{ key: k, path: cm-k }], optional: true }
              - secret: { name: sec, items: [{ key: k, path: sec-k, mode: 256 }], optional: true }
              - downwardAPI: { items: [{ path: name, fieldRef: { apiVersion: v1, fieldPath: metadata.name } }] }
          - { name: nfs, nfs: { server: nfs.example.com, path: /exports, readOnly: true } }
          - name: csi
            csi:
              driver: inline.csi.example.com
              readOnly: true
              fsType: ext4
              volumeAttributes: { size: 1Gi, mode: fast }
              nodePublishSecretRef: { name: sec }
          - name: scratch-claim
            ephemeral:
              volumeClaimTemplate:
                metadata:
                  labels: { type: scratch }
                  annotations: { example.com/pvc: sink }
                spec:
                  accessModes: [ReadWriteOnce]
                  storageClassName: fast
                  volumeMode: Filesystem
                  resources: { requests: { storage: 1Gi }, limits: { storage: 2Gi } }
                  selector: { matchLabels: { tier: fast } }
                  dataSource: { apiGroup: snapshot.storage.k8s.io, kind: VolumeSnapshot, name: snap }
`

/** Labels the Job controller adds to its own pod template; the CronJob's template never has them. */
const jobOwnedLabels = ['controller-uid', 'job-name', 'batch.kubernetes.io/controller-uid', 'batch.kubernetes.io/job-name']

describe('kubectl create with protobuf bodies', () => {
  it('create namespace', async () => {
    const r = await kubectl(['create', 'namespace', 'foo'])
    expect(r.stderr).toBe('')
    expect(r.stdout).toBe('namespace/foo created\n')
    expect((await getJson(['get', 'namespace', 'foo'])).metadata.name).toBe('foo')
  })

  it('create job --image runs to Complete', async () => {
    const r = await kubectl(['create', 'job', 'j', '--image=busybox'])
    expect(r.stderr).toBe('')
    expect(r.stdout).toBe('job.batch/j created\n')
    const job = await getJson(['get', 'job', 'j'])
    expect(job.spec.template.spec.containers).toMatchObject([{ name: 'j', image: 'busybox' }])
    expect(job.spec.template.spec.restartPolicy).toBe('Never')
    const complete = await until(async () => {
      const j = await getJson(['get', 'job', 'j'])
      return (j.status?.conditions ?? []).some((c: any) => c.type === 'Complete' && c.status === 'True')
    }, 12000)
    expect(complete).toBe(true)
  })

  it('create cronjob --schedule', async () => {
    const r = await kubectl(['create', 'cronjob', 'c', '--image=busybox', '--schedule=*/1 * * * *'])
    expect(r.stderr).toBe('')
    expect(r.stdout).toBe('cronjob.batch/c created\n')
    const cj = await getJson(['get', 'cronjob', 'c'])
    expect(cj.spec.schedule).toBe('*/1 * * * *')
    expect(cj.spec.jobTemplate.spec.template.spec.containers).toMatchObject([{ name: 'c', image: 'busybox' }])
  })

  it('create job --from=cronjob copies the defaulted template with an owner', async () => {
    const manifest = path.join(session.home, 'hello.yaml')
    fs.writeFileSync(manifest, helloManifest)
    expect((await kubectl(['create', '-f', manifest])).stdout).toBe('cronjob.batch/hello created\n')
    const cronJob = await getJson(['get', 'cronjob', 'hello'])

    const r = await kubectl(['create', 'job', 'manual', '--from=cronjob/hello'])
    expect(r.stderr).toBe('')
    expect(r.stdout).toBe('job.batch/manual created\n')
    const job = await getJson(['get', 'job', 'manual'])
    expect(job.metadata.annotations).toMatchObject({ 'cronjob.kubernetes.io/instantiate': 'manual' })
    expect(job.metadata.ownerReferences).toEqual([
      { apiVersion: 'batch/v1', kind: 'CronJob', name: 'hello', uid: cronJob.metadata.uid, controller: true },
    ])
    // Pointer zeros and the template's fields survive the protobuf round trip.
    expect(job.spec).toMatchObject({ backoffLimit: 0, activeDeadlineSeconds: 600, ttlSecondsAfterFinished: 0 })
    expect(job.spec.template.spec).toEqual(cronJob.spec.jobTemplate.spec.template.spec)
    expect(job.spec.template.metadata.creationTimestamp).toBeUndefined()
    const [c] = job.spec.template.spec.containers
    expect(c).toMatchObject({
      name: 'hello',
      image: 'busybox',
      terminationMessagePolicy: 'File',
      terminationMessagePath: '/dev/termination-log',
      resources: { limits: { cpu: '500m', memory: '64Mi' } },
      readinessProbe: { httpGet: { path: '/healthz', port: 'http' } },
    })
    expect(job.spec.template.spec.restartPolicy).toBe('OnFailure')
    expect(job.spec.template.spec.terminationGracePeriodSeconds).toBe(cronJob.spec.jobTemplate.spec.template.spec.terminationGracePeriodSeconds)
  })

  it('create job --from=cronjob round-trips a kitchen-sink template through protobuf', async () => {
    const manifest = path.join(session.home, 'sink.yaml')
    fs.writeFileSync(manifest, sinkManifest)
    const created = await kubectl(['create', '-f', manifest])
    expect(created.stderr).toBe('')
    expect(created.stdout).toBe('cronjob.batch/sink created\n')
    const cronJob = await getJson(['get', 'cronjob', 'sink'])

    const r = await kubectl(['create', 'job', 'sink-manual', '--from=cronjob/sink'])
    expect(r.stderr).toBe('')
    expect(r.stdout).toBe('job.batch/sink-manual created\n')
    const job = await getJson(['get', 'job', 'sink-manual'])

    const want = cronJob.spec.jobTemplate.spec.template
    const got = structuredClone(job.spec.template)
    for (const key of jobOwnedLabels) delete got.metadata.labels?.[key]
    expect(got).toEqual(want)
    // The manifest's values really are in the stored template (guards against both sides losing them).
    expect(want.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].namespaceSelector).toEqual({
      matchLabels: { team: 'a' },
    })
    expect(want.spec.containers[0].readinessProbe.httpGet.httpHeaders).toHaveLength(2)
    expect(want.spec.volumes.map((v: any) => v.name)).toEqual(['host', 'scratch', 'cfg', 'sec', 'claim', 'block', 'podinfo', 'proj', 'nfs', 'csi', 'scratch-claim'])
    expect(job.metadata.labels).toMatchObject({ tier: 'batch' })
    expect(job.metadata.annotations).toMatchObject({ 'example.com/job-note': 'sink' })
    expect(job.spec.backoffLimit).toBe(1)
  })
})
