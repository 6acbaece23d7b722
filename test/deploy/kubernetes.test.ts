import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { parseConfigDocument } from '../../src/config';
import { serverSchema } from '../../src/config/schema';
import { ROOT } from '../support/cli';

const DIR = join(ROOT, 'deploy', 'kubernetes');

/** Every document of every manifest, by kind (one of each here). */
function manifests(): Record<string, any> {
  const byKind: Record<string, any> = {};
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml')) {
    for (const doc of parseAllDocuments(readFileSync(join(DIR, file), 'utf8'))) {
      if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
      const m = doc.toJS();
      if (m === null) continue;
      expect(byKind[m.kind]).toBeUndefined();
      byKind[m.kind] = m;
    }
  }
  return byKind;
}

const m = manifests();
const deployment = m['Deployment'];
const pod = deployment.spec.template.spec;
const container = pod.containers[0];
const defaults = serverSchema.parse({});
const configText: string = m['ConfigMap'].data['crmgraph.config.json'];
const raw = JSON.parse(configText);
const secretEnv: Record<string, string> = m['Secret'].stringData;

/** The container port a probe or Service names (by name or number). */
function containerPort(port: string | number): number | undefined {
  return typeof port === 'number' ? port : container.ports.find((p: any) => p.name === port)?.containerPort;
}

describe('deploy/kubernetes', () => {
  it('has the Deployment, Service, HorizontalPodAutoscaler, PodDisruptionBudget, ConfigMap and Secret, and kustomize lists them all', () => {
    expect(Object.keys(m).sort()).toEqual([
      'ConfigMap',
      'Deployment',
      'HorizontalPodAutoscaler',
      'PodDisruptionBudget',
      'Secret',
      'Service',
    ]);
    const kustomization = parseAllDocuments(readFileSync(join(DIR, 'kustomization.yaml'), 'utf8'))[0]!.toJS();
    expect(kustomization.resources.sort()).toEqual(
      readdirSync(DIR)
        .filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml')
        .sort(),
    );
  });

  it('probes liveness on /healthz and readiness on /readyz, on the port the gateway listens on', () => {
    const listens = raw.server?.port ?? defaults.port;
    expect(container.livenessProbe.httpGet.path).toBe('/healthz');
    expect(container.readinessProbe.httpGet.path).toBe('/readyz');
    expect(container.startupProbe.httpGet.path).toBe('/healthz');
    for (const probe of [container.livenessProbe, container.readinessProbe, container.startupProbe]) {
      expect(containerPort(probe.httpGet.port)).toBe(listens);
    }
    expect(containerPort(m['Service'].spec.ports[0].targetPort)).toBe(listens);
    // The ops listener, when the config has one, is the container's metrics port.
    expect(containerPort('metrics')).toBe(raw.server.ops.port);
    expect(raw.server.ops.host).toBe('0.0.0.0');
  });

  it('gives a pod longer to stop than preStop plus the drain period', () => {
    const graceMs = raw.server?.shutdownGraceMs ?? defaults.shutdownGraceMs;
    const preStop = container.lifecycle.preStop.exec.command as string[];
    expect(preStop[0]).toBe('sleep');
    const preStopMs = Number(preStop[1]) * 1000;
    expect(pod.terminationGracePeriodSeconds * 1000).toBeGreaterThan(preStopMs + graceMs);
  });

  it('selects its pods the same way in the Service, the PodDisruptionBudget and the Deployment, and scales that Deployment', () => {
    const labels = deployment.spec.template.metadata.labels;
    expect(deployment.spec.selector.matchLabels).toEqual(labels);
    expect(m['Service'].spec.selector).toEqual(labels);
    expect(m['PodDisruptionBudget'].spec.selector.matchLabels).toEqual(labels);
    expect(m['HorizontalPodAutoscaler'].spec.scaleTargetRef).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: deployment.metadata.name,
    });
    expect(m['HorizontalPodAutoscaler'].spec.minReplicas).toBeGreaterThanOrEqual(2);
  });

  it('runs as a non-root user with requests for memory and CPU', () => {
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    expect(container.securityContext.allowPrivilegeEscalation).toBe(false);
    expect(container.resources.requests).toEqual({ cpu: expect.any(String), memory: expect.stringMatching(/^\d+Mi$/) });
    expect(parseInt(container.resources.requests.memory, 10)).toBeGreaterThanOrEqual(200);
  });

  it('mounts the ConfigMap where CRMGRAPH_CONFIG points, and fills every ${NAME} in it from the Secret', () => {
    const configEnv = container.env.find((e: any) => e.name === 'CRMGRAPH_CONFIG').value as string;
    const volume = pod.volumes.find((v: any) => v.configMap?.name === m['ConfigMap'].metadata.name);
    const mount = container.volumeMounts.find((v: any) => v.name === volume.name);
    expect(configEnv).toBe(`${mount.mountPath}/crmgraph.config.json`);
    expect(container.envFrom).toContainEqual({ secretRef: { name: m['Secret'].metadata.name } });
    const wanted = [...configText.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g)].map((x) => x[1]).sort();
    expect([...new Set(wanted)]).toEqual(Object.keys(secretEnv).sort());
  });

  it("holds a config the gateway's own validation accepts, with every credential from the environment", () => {
    expect(() => parseConfigDocument(raw, secretEnv, 'configmap.yaml')).not.toThrow();
    // Pods behind one Service share cursors and Redis: both come from the Secret.
    expect(raw.server.cursorSecret).toBe('${CRMGRAPH_CURSOR_SECRET}');
    expect(raw.redis.url).toBe('${REDIS_URL}');
    // Without the Secret, every credential is reported missing: none is written in the file.
    expect(() => parseConfigDocument(raw, {}, 'configmap.yaml')).toThrow(/CIN7_API_KEY is not set/);
    for (const source of raw.sources) {
      for (const value of Object.values(source.credentials as Record<string, string>)) {
        if (value !== 'bearer') expect(value).toMatch(/^\$\{[A-Z0-9_]+\}$/);
      }
    }
  });
});
