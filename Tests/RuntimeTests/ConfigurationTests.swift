import ArgumentParser
import Foundation
import ODOPRuntime
import ODOPTesting
import Testing

@Suite("configuration from flags and environment")
struct ConfigurationTests {
    @Test("defaults are the design brief's local endpoints and ./data")
    func defaults() throws {
        let options = try ServiceOptions.parse([])
        let config = try options.resolve(service: "catalogue", environment: [:])
        #expect(config.commandsBind == "tcp://127.0.0.1:7101")
        #expect(config.eventsBind == "tcp://127.0.0.1:7102")
        #expect(config.dataDirectory == "./data")
        #expect(config.heartbeatInterval == .seconds(1))
        #expect(config.maxCommandBytes == 4 * 1024 * 1024)
        #expect(config.logLevel == .info)
    }

    @Test("the environment overrides defaults and flags override the environment")
    func precedence() throws {
        let env = [
            "ODOP_DATA_DIR": "/env/data", "ODOP_COMMANDS_BIND": "tcp://127.0.0.1:9001", "ODOP_HEARTBEAT_MS": "250",
            "ODOP_LOG_LEVEL": "debug",
        ]
        let fromEnv = try ServiceOptions.parse([]).resolve(service: "exports", environment: env)
        #expect(fromEnv.dataDirectory == "/env/data")
        #expect(fromEnv.commandsBind == "tcp://127.0.0.1:9001")
        #expect(fromEnv.eventsBind == "tcp://127.0.0.1:7202")
        #expect(fromEnv.heartbeatInterval == .milliseconds(250))
        #expect(fromEnv.logLevel == .debug)
        let fromFlags = try ServiceOptions.parse(["--data-dir", "/flag/data", "--heartbeat-ms", "500"]).resolve(
            service: "exports", environment: env)
        #expect(fromFlags.dataDirectory == "/flag/data")
        #expect(fromFlags.heartbeatInterval == .milliseconds(500))
    }

    @Test("bad values are configuration errors (exit 78) that name the value")
    func badValues() throws {
        let cases: [([String], [String: String], String)] = [
            ([], ["ODOP_HEARTBEAT_MS": "soon"], "ODOP_HEARTBEAT_MS"),
            (["--heartbeat-ms", "0"], [:], "heartbeat"),
            (["--log-level", "loud"], [:], "loud"),
            (["--commands-bind", "7101"], [:], "7101"),
            (["--commands-bind", "tcp://127.0.0.1:1", "--events-bind", "tcp://127.0.0.1:1"], [:], "same"),
        ]
        for (flags, env, mention) in cases {
            #expect {
                try ServiceOptions.parse(flags).resolve(service: "catalogue", environment: env)
            } throws: { error in
                guard let error = error as? StartupError else { return false }
                return error.exitCode == 78 && error.description.contains(mention)
            }
        }
    }

    @Test("an unwritable data directory and a port in use are startup errors with their own exit codes")
    func startupFailures() async throws {
        #expect {
            try ServiceStore(directory: "/proc/odop-cannot-create", service: "x", migrations: [])
        } throws: { ($0 as? StartupError)?.exitCode == 73 }

        let first = try InProcessService(LedgerService())
        #expect {
            try InProcessService(LedgerService(), commandsBind: first.commandsEndpoint)
        } throws: { error in
            guard let error = error as? StartupError else { return false }
            return error.exitCode == 69 && error.description.contains(first.commandsEndpoint)
        }
        await first.stop()
    }
}
