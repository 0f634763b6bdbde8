/**
 * A kubeconfig for one server, as `kubectl --kubeconfig` reads it; JSON is valid YAML, and quoting is exact.
 * @kubernetes/client-node 1.x refuses a plain-http server unless `insecure-skip-tls-verify` is set,
 * so an http server carries it: there is no TLS to verify, and kubectl ignores it for http.
 */
export const kubeconfigYaml = (server: string, token?: string, name = 'kuberules'): string =>
  `${JSON.stringify(
    {
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name, cluster: { server, ...(server.startsWith('http:') ? { 'insecure-skip-tls-verify': true } : {}) } }],
      users: [{ name, user: token !== undefined ? { token } : {} }],
      contexts: [{ name, context: { cluster: name, user: name, namespace: 'default' } }],
      'current-context': name,
      preferences: {},
    },
    null,
    2,
  )}\n`
