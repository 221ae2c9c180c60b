import Foundation
import ODOPTesting
import Testing

/// The Kubernetes manifests in deploy/kubernetes: valid against a pinned Kubernetes schema by
/// `kubernetes-validate` (strict: no unknown field), and shaped the way the services need.
@Suite("Kubernetes manifests")
struct KubernetesManifestTests {
    /// The Kubernetes version whose schema the manifests are checked against (shipped inside
    /// kubernetes-validate 1.37.0, which deploy/local/install-dependencies.sh installs).
    static let kubernetesVersion = "1.32.0"
    static let manifests = ["namespace.yaml"] + DeploymentLayout.services.map { "\($0).yaml" }
    static let ports: [String: (commands: Int, events: Int, ops: Int)] = [
        "catalogue": (7101, 7102, 9101), "exports": (7201, 7202, 9201),
        "training": (7301, 7302, 9301), "notifications": (7401, 7402, 9401),
    ]

    @Test("kubernetes-validate --strict passes every manifest (one run for all)")
    func validates() throws {
        let paths = Self.manifests.map { DeploymentLayout.kubernetes.appendingPathComponent($0).path }
        let result = try Self.validate(paths)
        #expect(result.status == 0 && !result.stdout.contains("ERROR") && !result.stderr.contains("ERROR"), "\(result)")
        let report = result.stdout + result.stderr
        for manifest in Self.manifests {
            #expect(report.contains("\(manifest) passed"), "kubernetes-validate did not pass \(manifest):\n\(result)")
        }
    }

    @Test(
        "the kustomization renders (kubectl kustomize) to manifests that validate",
        .enabled(if: ExternalTool.find("kubectl") != nil, "kubectl is not installed here: the kustomization was not rendered"))
    func kustomizationRenders() throws {
        let kubectl = try #require(ExternalTool.find("kubectl"))
        let rendered = try kubectl.run(["kustomize", DeploymentLayout.kubernetes.path])
        try #require(rendered.status == 0, "\(rendered)")
        let scratch = TemporaryDirectory(prefix: "odop-kustomize")
        try rendered.stdout.write(to: scratch.file("rendered.yaml"), atomically: true, encoding: .utf8)
        let result = try Self.validate([scratch.file("rendered.yaml").path])
        #expect(result.status == 0 && !result.stdout.contains("ERROR"), "\(result)")
        for service in DeploymentLayout.services { #expect(rendered.stdout.contains("name: odop-\(service)\n")) }
    }

    @Test("one StatefulSet replica on a ReadWriteOnce volume, probes, keys, limits, non-root", arguments: DeploymentLayout.services)
    func statefulSetShape(service: String) throws {
        let objects = try Self.objects(in: "\(service).yaml")
        let name = "odop-\(service)"
        let ports = try #require(Self.ports[service])
        let set = try #require(objects.first { $0["kind"] as? String == "StatefulSet" })
        let spec = try #require(set["spec"] as? [String: Any])
        #expect(spec["replicas"] as? Int == 1)
        let claims = try #require(spec["volumeClaimTemplates"] as? [[String: Any]])
        #expect(claims.count == 1)
        #expect((claims.first?["spec"] as? [String: Any])?["accessModes"] as? [String] == ["ReadWriteOnce"])

        let template = try #require(spec["template"] as? [String: Any])
        let annotations = try #require((template["metadata"] as? [String: Any])?["annotations"] as? [String: String])
        #expect(annotations["prometheus.io/scrape"] == "true")
        #expect(annotations["prometheus.io/port"] == String(ports.ops))
        #expect(annotations["prometheus.io/path"] == "/metrics")

        let pod = try #require(template["spec"] as? [String: Any])
        let podSecurity = try #require(pod["securityContext"] as? [String: Any])
        #expect(podSecurity["runAsNonRoot"] as? Bool == true)
        #expect((podSecurity["seccompProfile"] as? [String: Any])?["type"] as? String == "RuntimeDefault")
        let volumes = try #require(pod["volumes"] as? [[String: Any]])
        let secret = try #require(volumes.compactMap { $0["secret"] as? [String: Any] }.first)
        #expect(secret["secretName"] as? String == "\(name)-keys")
        #expect([0o400, 0o600].contains(secret["defaultMode"] as? Int ?? -1))

        let containers = (pod["containers"] as? [[String: Any]] ?? []) + (pod["initContainers"] as? [[String: Any]] ?? [])
        for container in containers {
            let security = try #require(container["securityContext"] as? [String: Any])
            #expect(security["readOnlyRootFilesystem"] as? Bool == true)
            #expect(security["allowPrivilegeEscalation"] as? Bool == false)
            #expect((security["capabilities"] as? [String: Any])?["drop"] as? [String] == ["ALL"])
            for mount in container["volumeMounts"] as? [[String: Any]] ?? [] where mount["name"] as? String == "secret" {
                #expect(mount["readOnly"] as? Bool == true)
            }
        }
        let main = try #require((pod["containers"] as? [[String: Any]])?.first)
        #expect(main["command"] as? [String] == ["/usr/local/bin/\(name)"])
        for (probe, path) in [("livenessProbe", "/healthz"), ("readinessProbe", "/readyz")] {
            let get = try #require((main[probe] as? [String: Any])?["httpGet"] as? [String: Any], "\(probe)")
            #expect(get["path"] as? String == path)
            #expect(get["port"] as? String == "ops")
        }
        let resources = try #require(main["resources"] as? [String: [String: Any]])
        #expect(resources["requests"]?["memory"] as? String == "64Mi")
        #expect(resources["limits"]?["memory"] as? String == "256Mi")
        let containerPorts = (main["ports"] as? [[String: Any]] ?? []).compactMap { $0["containerPort"] as? Int }
        #expect(containerPorts == [ports.commands, ports.events, ports.ops])
        let envFrom = try #require(main["envFrom"] as? [[String: Any]])
        #expect((envFrom.first?["configMapRef"] as? [String: Any])?["name"] as? String == name)
    }

    @Test(
        "a Service exposes the command, event and ops ports; a ConfigMap binds them and names the keys",
        arguments: DeploymentLayout.services)
    func serviceAndConfiguration(service: String) throws {
        let objects = try Self.objects(in: "\(service).yaml")
        let ports = try #require(Self.ports[service])
        let kube = try #require(objects.first { $0["kind"] as? String == "Service" })
        let exposed = ((kube["spec"] as? [String: Any])?["ports"] as? [[String: Any]] ?? []).compactMap { $0["port"] as? Int }
        #expect(exposed == [ports.commands, ports.events, ports.ops])
        let config = try #require(objects.first { $0["kind"] as? String == "ConfigMap" })
        let data = try #require(config["data"] as? [String: String])
        #expect(data["ODOP_COMMANDS_BIND"] == "tcp://0.0.0.0:\(ports.commands)")
        #expect(data["ODOP_EVENTS_BIND"] == "tcp://0.0.0.0:\(ports.events)")
        #expect(data["ODOP_HTTP_BIND"] == "0.0.0.0:\(ports.ops)")
        #expect(data["ODOP_DATA_DIR"] == "/var/lib/odop")
        #expect(data["ODOP_CURVE_SECRET_KEY_FILE"]?.hasPrefix("/run/odop/keys/") == true)
        if service != "catalogue" {
            #expect(data["ODOP_CATALOGUE_COMMANDS"] == "tcp://odop-catalogue:7101")
            #expect(data["ODOP_CATALOGUE_EVENTS"] == "tcp://odop-catalogue:7102")
        }
        if service == "training" { #expect(data["ODOP_IDENTITY_KEY_FILE"] == "/run/odop/keys/identity.key") }
        // No misspelt variable: each one is named in the service's example environment file.
        let envFile = try EnvironmentFile(DeploymentLayout.systemd.appendingPathComponent("env/\(service).env"))
        for variable in data.keys.sorted() {
            #expect(envFile.names.contains(variable), "the ConfigMap of \(service) sets \(variable), unknown to \(service).env")
        }
        for object in objects {
            #expect((object["metadata"] as? [String: Any])?["namespace"] as? String == "odop")
        }
    }

    /// kubernetes-validate from PATH, else as a Python module.
    static func validate(_ paths: [String]) throws -> ToolOutput {
        let arguments = ["--strict", "-k", kubernetesVersion] + paths
        if let tool = ExternalTool.find("kubernetes-validate") { return try tool.run(arguments) }
        let python = try #require(ExternalTool.find("python3"), "python3 is missing")
        return try python.run(["-m", "kubernetes_validate"] + arguments)
    }

    /// Every manifest as JSON text, read once with PyYAML (installed with kubernetes-validate).
    static let manifestJSON = Result<[String: String], any Error> {
        guard let python = ExternalTool.find("python3") else { throw ScratchRootError("python3 is missing") }
        let script =
            "import json, sys, yaml; print(json.dumps({p.rsplit('/', 1)[-1]: [d for d in yaml.safe_load_all(open(p)) if d] for p in sys.argv[1:]}))"
        let result = try python.run(["-c", script] + manifests.map { DeploymentLayout.kubernetes.appendingPathComponent($0).path })
        guard result.status == 0 else { throw ScratchRootError("\(result)") }
        let all = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
        return try all.mapValues { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }
    }

    /// The objects of a manifest.
    static func objects(in manifest: String) throws -> [[String: Any]] {
        let text = try #require(try manifestJSON.get()[manifest], "no manifest \(manifest)")
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    }
}
