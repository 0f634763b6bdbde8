/** A kubeconfig for one server, as `kubectl --kubeconfig` reads it; JSON is valid YAML, and quoting is exact. */
export const kubeconfigYaml = (server: string, token?: string, name = 'kuberules'): string =>
  `${JSON.stringify(
    {
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name, cluster: { server } }],
      users: [{ name, user: token !== undefined ? { token } : {} }],
      contexts: [{ name, context: { cluster: name, user: name, namespace: 'default' } }],
      'current-context': name,
      preferences: {},
    },
    null,
    2,
  )}\n`
