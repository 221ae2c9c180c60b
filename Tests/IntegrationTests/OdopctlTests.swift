import Foundation
import ODOPMessages
import ODOPTesting
import Testing

/// `odopctl`, run as a process against real services (or none), checking what it prints and
/// its exit codes: 0 success, 1 refused, 2 usage, 3 unavailable, 4 internal, 5 degraded,
/// 6 not permitted.
@Suite("odopctl")
struct OdopctlTests {}

// MARK: - Every service down

extension OdopctlTests {
    @Suite("with every service down")
    struct ServicesDown {
        let odopctl = OdopctlRunner()
        static let quick = ["--timeout", "0.3", "--retries", "0"]

        @Test func statusShowsEveryServiceDownWithItsEndpointAndExits3() throws {
            let run = try odopctl.run(["status"] + Self.quick)
            #expect(run.exitCode == 3, "\(run)")
            #expect(run.elapsed < .seconds(20), "status must give up in bounded time: \(run)")
            #expect(run.stdoutLines.first?.hasPrefix("SERVICE") == true, "\(run)")
            for service in OdopctlRunner.services {
                let endpoint = odopctl.commandsEndpoint(service)
                let row = run.stdoutLines.first { $0.hasPrefix(service + " ") }
                #expect(row?.contains(endpoint) == true, "\(run)")
                #expect(row?.contains("DOWN") == true, "\(run)")
                #expect(run.stderr.contains("error: \(service) is down: no reply from \(endpoint)"), "\(run)")
            }
            #expect(run.stderr.contains("is the service running?"), "\(run)")
        }

        @Test func statusJSONListsEachServiceWithItsError() throws {
            let run = try odopctl.run(["status", "--json"] + Self.quick)
            #expect(run.exitCode == 3, "\(run)")
            let entries = try #require(try run.json().arrayValue, "\(run)")
            #expect(entries.map { $0["service"]?.stringValue } == OdopctlRunner.services, "\(run)")
            for entry in entries {
                let service = try #require(entry["service"]?.stringValue)
                #expect(entry["endpoint"]?.stringValue == odopctl.commandsEndpoint(service))
                #expect(entry["error"]?["code"]?.stringValue == "unavailable")
                #expect(entry["error"]?["message"]?.stringValue?.contains(odopctl.commandsEndpoint(service)) == true)
            }
        }

        @Test func statusLimitedToOneService() throws {
            let run = try odopctl.run(["status", "--service", "exports"] + Self.quick)
            #expect(run.exitCode == 3, "\(run)")
            #expect(run.stdoutLines.count == 2, "\(run)")
            #expect(run.stdoutLines.last?.hasPrefix("exports ") == true, "\(run)")
            #expect(!run.stderr.contains("catalogue"), "\(run)")
        }

        @Test func callNamesTheEndpointAndSuggestsCheckingTheService() throws {
            let run = try odopctl.run(["call", "catalogue", "health"] + Self.quick)
            #expect(run.exitCode == 3, "\(run)")
            #expect(run.stdout.isEmpty, "\(run)")
            let endpoint = odopctl.commandsEndpoint("catalogue")
            #expect(run.stderrLines.first?.hasPrefix("error: unavailable: no reply from \(endpoint)") == true, "\(run)")
            #expect(run.stderr.contains("check that odop-catalogue is running and listening on \(endpoint)"), "\(run)")
        }

        @Test(arguments: [
            ["events", "replay", "--service", "catalogue"],
            ["subscriptions", "list", "--service", "exports"],
            ["subscriptions", "retry", "--service", "training", "--source", "catalogue"],
            ["subscriptions", "skip", "--service", "notifications", "--source", "exports", "--seq", "7", "--reason", "test"],
            ["call", "exports", "plan.get", "-"],
        ])
        func commandsToADownServiceExit3(arguments: [String]) throws {
            let run = try odopctl.run(arguments + Self.quick, stdin: #"{"id": "x"}"#)
            #expect(run.exitCode == 3, "\(run)")
            #expect(run.stderr.contains("error: unavailable:"), "\(run)")
        }

        @Test func tailEndsAfterForSecondsWhenNothingIsPublished() throws {
            let run = try odopctl.run("events", "tail", "--json", "--for", "0.5")
            #expect(run.exitCode == 0, "\(run)")
            #expect(run.stdout.isEmpty, "\(run)")
            #expect(run.elapsed < .seconds(20), "\(run)")
        }

        @Test func tailEndsCleanlyOnCtrlC() throws {
            let child = try odopctl.start(["events", "tail"])
            try eventually("tail says it is following", timeout: .seconds(20)) {
                child.stderrSoFar.contains("Ctrl-C to stop") || !child.isRunning
            }
            child.interrupt()
            let run = child.wait(limit: .seconds(20))
            #expect(run.exitCode == 0 && !run.killedBySignal, "\(run)")
            for service in OdopctlRunner.services {
                #expect(run.stderr.contains("\(service) (\(odopctl.eventsEndpoint(service)))"), "\(run)")
            }
        }

        @Test func tailWithATypePrefixFollowsOnlyTheServiceThatPublishesIt() throws {
            let run = try odopctl.run("events", "tail", "--type", "catalogue.product.", "--for", "0.3")
            #expect(run.exitCode == 0, "\(run)")
            #expect(run.stderr.contains("following catalogue (\(odopctl.eventsEndpoint("catalogue")));"), "\(run)")
            #expect(!run.stderr.contains("exports"), "\(run)")
        }
    }
}

// MARK: - Settings: flags, environment, config file, defaults

extension OdopctlTests {
    @Suite("settings")
    struct Settings {
        static let quick = ["--timeout", "0.3", "--retries", "0"]

        /// The endpoint odopctl reports for catalogue when `call catalogue health` fails.
        func endpointUsed(_ odopctl: OdopctlRunner, _ extra: [String] = []) throws -> String? {
            let run = try odopctl.run(["call", "catalogue", "health"] + Self.quick + extra)
            guard run.exitCode == 3, let line = run.stderrLines.first,
                let range = line.range(of: "no reply from ")
            else { return nil }
            return line[range.upperBound...].split(separator: " ").first.map(String.init)
        }

        @Test func flagBeatsEnvironmentBeatsConfigFileBeatsDefault() throws {
            var odopctl = OdopctlRunner()
            let (fromFlag, fromEnvironment, fromConfig) = (FreePort.endpoint(), FreePort.endpoint(), FreePort.endpoint())
            let config = odopctl.home.file("odopctl.conf")
            try "# test config\nODOP_CATALOGUE_COMMANDS=\(fromConfig)\n".write(to: config, atomically: true, encoding: .utf8)
            odopctl.endpoints["ODOP_CATALOGUE_COMMANDS"] = fromEnvironment
            #expect(try endpointUsed(odopctl, ["--config", config.path, "--catalogue-commands", fromFlag]) == fromFlag)
            #expect(try endpointUsed(odopctl, ["--config", config.path]) == fromEnvironment)
            odopctl.endpoints["ODOP_CATALOGUE_COMMANDS"] = nil
            #expect(try endpointUsed(odopctl, ["--config", config.path]) == fromConfig)
            odopctl.environment["ODOP_CONFIG"] = config.path
            #expect(try endpointUsed(odopctl) == fromConfig)
            odopctl.environment["ODOP_CONFIG"] = nil
            // Without anything set: the local default (not contacted, only shown).
            let run = try odopctl.run(["status", "--service", "catalogue"] + Self.quick)
            #expect(run.stdoutLines.last?.contains("tcp://127.0.0.1:7101") == true, "\(run)")
        }

        @Test func theDefaultConfigFileIsReadFromHome() throws {
            var odopctl = OdopctlRunner()
            odopctl.endpoints["ODOP_CATALOGUE_COMMANDS"] = nil
            let endpoint = FreePort.endpoint()
            let folder = odopctl.home.url.appendingPathComponent(".config/odop")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try "ODOP_CATALOGUE_COMMANDS = \"\(endpoint)\"\n".write(
                to: folder.appendingPathComponent("odopctl.conf"), atomically: true, encoding: .utf8)
            #expect(try endpointUsed(odopctl) == endpoint)
        }

        @Test func timeoutAndRetriesComeFromTheEnvironment() throws {
            var odopctl = OdopctlRunner()
            odopctl.environment["ODOP_TIMEOUT"] = "0.2"
            odopctl.environment["ODOP_RETRIES"] = "1"
            let run = try odopctl.run("call", "catalogue", "health")
            #expect(run.exitCode == 3, "\(run)")
            #expect(run.stderr.contains("after 2 attempt(s) of 0.2 s each"), "\(run)")
        }

        @Test func configFileProblems() throws {
            let odopctl = OdopctlRunner()
            let broken = odopctl.home.file("broken.conf")
            try "# fine\nODOP_CATALOGUE_COMMANDS tcp://127.0.0.1:1\n".write(to: broken, atomically: true, encoding: .utf8)
            var run = try odopctl.run("status", "--config", broken.path)
            #expect(run.exitCode == 2, "\(run)")
            #expect(run.stderr.contains("\(broken.path):2: expected KEY=VALUE"), "\(run)")

            run = try odopctl.run("status", "--config", odopctl.home.file("missing.conf").path)
            #expect(run.exitCode == 2, "\(run)")
            #expect(run.stderr.contains("cannot read the config file"), "\(run)")

            let typo = odopctl.home.file("typo.conf")
            try "ODOP_CATALOG_COMMANDS=tcp://127.0.0.1:1\nODOP_DATA_DIR=/var/lib/odop\n".write(to: typo, atomically: true, encoding: .utf8)
            run = try odopctl.run(["call", "catalogue", "health", "--config", typo.path] + Self.quick)
            #expect(run.exitCode == 3, "\(run)")
            #expect(run.stderr.contains("\(typo.path):1: unknown setting ODOP_CATALOG_COMMANDS"), "\(run)")
            #expect(!run.stderr.contains("ODOP_DATA_DIR"), "a service's own setting is no typo: \(run)")
        }

        @Test func badValuesFromTheEnvironmentAreUsageErrors() throws {
            var odopctl = OdopctlRunner()
            odopctl.environment["ODOP_TIMEOUT"] = "soon"
            var run = try odopctl.run("status")
            #expect(run.exitCode == 2, "\(run)")
            #expect(run.stderr.contains("ODOP_TIMEOUT=soon (environment)"), "\(run)")

            odopctl.environment["ODOP_TIMEOUT"] = nil
            odopctl.endpoints["ODOP_EXPORTS_COMMANDS"] = "localhost:7201"
            run = try odopctl.run("status")
            #expect(run.exitCode == 2, "\(run)")
            #expect(run.stderr.contains("ODOP_EXPORTS_COMMANDS=localhost:7201 (environment) is not an endpoint"), "\(run)")
        }

        // Key material from the zmq_curve(7) manual's example.
        static let clientPublic = "Yne@$w-vo<fVvi]a<NY6T1ed:M$fCG*[IaLV{hID"
        static let clientSecret = "D:)Q[IlAW!ahhC2ac:9*A}h:p?([4%wOTJ%JR%cs"
        static let serverPublic = "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7"

        @Test func curveKeysFromFiles() throws {
            var odopctl = OdopctlRunner()
            let serverKey = odopctl.home.file("catalogue.public")
            let ownPublic = odopctl.home.file("odopctl.public")
            let ownSecret = odopctl.home.file("odopctl.secret")
            try Self.serverPublic.write(to: serverKey, atomically: true, encoding: .utf8)
            try (Self.clientPublic + "\n").write(to: ownPublic, atomically: true, encoding: .utf8)
            try Self.clientSecret.write(to: ownSecret, atomically: true, encoding: .utf8)

            odopctl.environment["ODOP_CATALOGUE_PUBLIC_KEY_FILE"] = serverKey.path
            var run = try odopctl.run(["call", "catalogue", "health"] + Self.quick)
            #expect(run.exitCode == 2, "a server key needs odopctl's own key pair: \(run)")
            #expect(run.stderr.contains("ODOP_CURVE_PUBLIC_KEY_FILE"), "\(run)")

            odopctl.environment["ODOP_CURVE_PUBLIC_KEY_FILE"] = ownPublic.path
            odopctl.environment["ODOP_CURVE_SECRET_KEY_FILE"] = ownSecret.path
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: ownSecret.path)
            run = try odopctl.run(["call", "catalogue", "health"] + Self.quick)
            #expect(run.exitCode == 2, "\(run)")
            #expect(run.stderr.contains("chmod 600 \(ownSecret.path)"), "\(run)")

            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: ownSecret.path)
            run = try odopctl.run(["call", "catalogue", "health"] + Self.quick)
            #expect(run.exitCode == 3, "keys read, service down: \(run)")

            try "not a key".write(to: serverKey, atomically: true, encoding: .utf8)
            run = try odopctl.run(["call", "catalogue", "health"] + Self.quick)
            #expect(run.exitCode == 2, "\(run)")
            #expect(run.stderr.contains("40 characters of Z85"), "\(run)")
        }
    }
}

// MARK: - Usage, help and completion

extension OdopctlTests {
    @Suite("usage, help and completion")
    struct Usage {
        let odopctl = OdopctlRunner()

        @Test(arguments: [
            ["call", "catalogue", "health", "{not json"],
            ["call", "catalogue", "health", "[1, 2]"],
            ["call", "warehouse", "health"],
            ["status", "--service", "warehouse"],
            ["status", "--timeout", "0"],
            ["status", "--retries=-1"],
            ["events", "tail", "--count", "0"],
            ["events", "replay"],
            ["events", "replay", "--service", "catalogue", "--after=-5"],
            ["subscriptions", "skip", "--service", "exports", "--source", "catalogue", "--seq", "0", "--reason", "x"],
            ["subscriptions", "skip", "--service", "exports", "--source", "catalogue", "--seq", "3", "--reason", "  "],
            ["no-such-command"],
        ])
        func usageErrorsExit2(arguments: [String]) throws {
            let run = try odopctl.run(arguments)
            #expect(run.exitCode == 2, "\(run)")
            #expect(run.stdout.isEmpty, "\(run)")
            #expect(!run.stderr.isEmpty, "\(run)")
        }

        @Test func invalidJSONFromStdinIsAUsageError() throws {
            let run = try odopctl.run(["call", "catalogue", "product.get", "-"], stdin: "{\"id\": ")
            #expect(run.exitCode == 2, "\(run)")
            #expect(run.stderr.contains("JSON-ARGS is not valid JSON"), "\(run)")
        }

        @Test func rootHelpListsTheCommandsAndTheExitCodes() throws {
            let run = try odopctl.run("--help")
            #expect(run.exitCode == 0, "\(run)")
            for text in [
                "status", "events", "subscriptions", "call", "Exit codes:",
                "1  the service refused the command", "2  usage", "3  a service is down or unavailable",
                "4  a service failed (internal)", "ODOP_CATALOGUE_COMMANDS", "~/.config/odop/odopctl.conf", "Examples:",
            ] {
                #expect(run.stdout.contains(text), "missing \(text): \(run)")
            }
        }

        @Test(arguments: [
            ["status"], ["events"], ["events", "tail"], ["events", "replay"], ["call"], ["subscriptions"],
            ["subscriptions", "list"], ["subscriptions", "retry"], ["subscriptions", "skip"],
        ])
        func everyCommandHasHelpWithExamples(command: [String]) throws {
            let run = try odopctl.run(command + ["--help"])
            #expect(run.exitCode == 0, "\(run)")
            #expect(run.stdout.hasPrefix("OVERVIEW: "), "\(run)")
            #expect(run.stdout.contains("Examples:\n  odopctl \(command.joined(separator: " "))"), "\(run)")
        }

        @Test func connectionFlagsAreListedByHelpHidden() throws {
            let run = try odopctl.run("status", "--help-hidden")
            #expect(run.exitCode == 0, "\(run)")
            for service in OdopctlRunner.services {
                for flag in ["--\(service)-commands", "--\(service)-events", "--\(service)-public-key-file"] {
                    #expect(run.stdout.contains(flag), "missing \(flag): \(run)")
                }
            }
        }

        @Test func version() throws {
            let run = try odopctl.run("--version")
            #expect(run.exitCode == 0, "\(run)")
            #expect(!run.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(run)")
        }

        @Test(arguments: ["bash", "zsh", "fish"])
        func completionScripts(shell: String) throws {
            let run = try odopctl.run("--generate-completion-script", shell)
            #expect(run.exitCode == 0, "\(run)")
            #expect(run.stdout.contains("odopctl"), "\(run)")
            #expect(run.stdout.contains("notifications"), "the --service values are offered: \(run)")
        }

        /// Runs the generated bash completion for `line` (the cursor at its end).
        func bashCompletions(_ line: String) throws -> [String] {
            let script = odopctl.home.file("odopctl.bash")
            try odopctl.run("--generate-completion-script", "bash").stdout.write(to: script, atomically: true, encoding: .utf8)
            let driver = """
                source "$1"
                line="$2"
                COMP_LINE="$line"; COMP_POINT=${#line}
                read -ra COMP_WORDS <<< "$line"
                [[ "$line" == *" " ]] && COMP_WORDS+=("")
                COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
                _odopctl odopctl "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
                printf '%s\\n' "${COMPREPLY[@]}"
                """
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-c", driver, "bash", script.path, line]
            process.environment = odopctl.childEnvironment
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.runSerialized()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return output.split(separator: "\n").map(String.init)
        }

        @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/bash")))
        func bashCompletesServiceNamesAndCommands() throws {
            let services = ["catalogue", "exports", "training", "notifications"]
            #expect(try bashCompletions("odopctl status --service ") == services)
            #expect(try bashCompletions("odopctl events replay --service ex") == ["exports"])
            #expect(try bashCompletions("odopctl call ") == services)
            #expect(try bashCompletions("odopctl ev") == ["events"])
            #expect(try bashCompletions("odopctl events tail --include-h") == ["--include-heartbeats"])
        }
    }
}

// MARK: - Running services

extension OdopctlTests {
    /// Against each service executable that is built (a placeholder is skipped; see
    /// `LiveServices`), started on free ports with its peers pointed at ports where nothing
    /// listens.
    @Suite("with running services")
    struct Running {
        /// A service process and an odopctl pointed at it.
        func start(_ service: String) throws -> (ServiceProcess, OdopctlRunner) {
            var odopctl = OdopctlRunner()
            let process = ServiceProcess(
                service, environment: odopctl.endpoints.merging(LiveServices.requiredEnvironment(service)) { _, new in new })
            try process.start()
            odopctl.use(process)
            return (process, odopctl)
        }

        @Test(arguments: LiveServices.available)
        func statusOfARunningService(service: String) throws {
            let (process, odopctl) = try start(service)
            defer { process.stop() }
            let run = try odopctl.run("status", "--service", service)
            #expect(run.exitCode == 0, "\(run)")
            let row = try #require(run.stdoutLines.first { $0.hasPrefix(service + " ") }, "\(run)")
            #expect(row.contains(process.commandsEndpoint) && row.contains(" up "), "\(run)")

            let jsonRun = try odopctl.run("status", "--service", service, "--json")
            #expect(jsonRun.exitCode == 0, "\(jsonRun)")
            let report = try #require(try jsonRun.json()[0], "\(jsonRun)")
            #expect(report["service"]?.stringValue == service)
            #expect(report["status"]?.stringValue == "ok")
            #expect(report["endpoint"]?.stringValue == process.commandsEndpoint)
            // Each subscription is a line of the second table.
            for subscription in report["subscriptions"]?.arrayValue ?? [] {
                let source = try #require(subscription["source"]?.stringValue)
                #expect(run.stdoutLines.contains { $0.hasPrefix(service + " ") && $0.contains(" \(source) ") }, "\(run)")
            }
        }

        @Test(arguments: LiveServices.available)
        func statusWithOneServiceUpAndTheOthersDown(service: String) throws {
            let (process, odopctl) = try start(service)
            defer { process.stop() }
            let run = try odopctl.run("status", "--timeout", "0.5", "--retries", "0")
            #expect(run.exitCode == 3, "\(run)")
            for other in OdopctlRunner.services {
                let row = try #require(run.stdoutLines.first { $0.hasPrefix(other + " ") }, "\(run)")
                #expect(row.contains(other == service ? " up " : "DOWN"), "\(run)")
                #expect(run.stderr.contains("error: \(other) is down") == (other != service), "\(run)")
            }
        }

        @Test(arguments: LiveServices.available)
        func callHealth(service: String) throws {
            let (process, odopctl) = try start(service)
            defer { process.stop() }
            let pretty = try odopctl.run("call", service, "health")
            #expect(pretty.exitCode == 0, "\(pretty)")
            #expect(pretty.stdoutLines.count > 3, "indented for people: \(pretty)")
            #expect(try pretty.json()["service"]?.stringValue == service, "\(pretty)")
            let compact = try odopctl.run("call", service, "health", "--json")
            #expect(compact.exitCode == 0 && compact.stdoutLines.count == 1, "\(compact)")
            #expect(try compact.json()["status"]?.stringValue == "ok", "\(compact)")
        }

        @Test(arguments: LiveServices.available)
        func aCommandTheServiceRefusesExits1WithItsCode(service: String) throws {
            let (process, odopctl) = try start(service)
            defer { process.stop() }
            var run = try odopctl.run("call", service, "no.such.command")
            #expect(run.exitCode == 1, "\(run)")
            #expect(run.stdout.isEmpty, "\(run)")
            #expect(run.stderrLines.first?.hasPrefix("error: unknown_command: ") == true, "\(run)")
            #expect(run.stderrLines.first?.hasSuffix("(field: command)") == true, "\(run)")

            run = try odopctl.run("call", service, "events.replay", #"{"after": -1}"#)
            #expect(run.exitCode == 1, "\(run)")
            #expect(run.stderrLines.first?.hasPrefix("error: invalid_argument: ") == true, "\(run)")
            #expect(run.stderrLines.first?.hasSuffix("(field: after)") == true, "\(run)")
        }

        @Test(arguments: LiveServices.available)
        func replayPrintsTheStoredEventsInOrder(service: String) throws {
            let (process, odopctl) = try start(service)
            defer { process.stop() }
            let run = try odopctl.run("events", "replay", "--service", service, "--json")
            #expect(run.exitCode == 0, "\(run)")
            let events = try run.jsonLines()
            #expect(events.map { $0["seq"]?.intValue } == (0..<events.count).map { Int64($0 + 1) }, "\(run)")
            #expect(events.allSatisfy { $0["source"]?.stringValue == service }, "\(run)")
            let pretty = try odopctl.run("events", "replay", "--service", service)
            #expect(pretty.exitCode == 0, "\(pretty)")
            #expect(pretty.stderr.contains("event(s) from \(service)"), "\(pretty)")
        }

        @Test(arguments: LiveServices.available)
        func tailPrintsHeartbeatsWhenAsked(service: String) throws {
            let (process, odopctl) = try start(service)
            defer { process.stop() }
            let run = try odopctl.run(
                "events", "tail", "--service", service, "--include-heartbeats", "--count", "2", "--json", "--for", "30")
            #expect(run.exitCode == 0, "\(run)")
            let lines = try run.jsonLines()
            #expect(lines.count == 2, "\(run)")
            for line in lines {
                #expect(line["type"]?.stringValue == "\(service).heartbeat", "\(run)")
                #expect(line["seq"]?.isNull == true, "\(run)")
                #expect(line["data"]?["lastSeq"]?.intValue != nil, "\(run)")
            }
            let pretty = try odopctl.run("events", "tail", "--service", service, "--include-heartbeats", "--count", "1", "--for", "30")
            #expect(pretty.exitCode == 0, "\(pretty)")
            #expect(pretty.stdoutLines.first?.contains("\(service).heartbeat") == true, "\(pretty)")
            #expect(pretty.stdoutLines.first?.contains("lastSeq=") == true, "\(pretty)")
        }

        @Test(arguments: LiveServices.available)
        func subscriptions(service: String) throws {
            let (process, odopctl) = try start(service)
            defer { process.stop() }
            let json = try odopctl.run("subscriptions", "list", "--service", service, "--json")
            #expect(json.exitCode == 0, "\(json)")
            let list = try json.json()
            let sources = try #require(list["subscriptions"]?.arrayValue, "\(json)").compactMap { $0["source"]?.stringValue }
            let table = try odopctl.run("subscriptions", "list", "--service", service)
            #expect(table.exitCode == 0, "\(table)")
            if sources.isEmpty {
                #expect(table.stdout.contains("subscribes to no other service"), "\(table)")
            } else {
                #expect(table.stdoutLines.first?.hasPrefix("SOURCE") == true, "\(table)")
                for source in sources {
                    #expect(table.stdoutLines.contains { $0.hasPrefix(source + " ") }, "\(table)")
                }
                // Nothing is stalled, so there is nothing to skip: the service refuses.
                let skip = try odopctl.run(
                    "subscriptions", "skip", "--service", service, "--source", sources[0], "--seq", "1", "--reason", "test")
                #expect(skip.exitCode == 1, "\(skip)")
                #expect(skip.stderrLines.first?.hasPrefix("error: conflict: ") == true, "\(skip)")
            }
        }

        /// Exports follows catalogue, which is down here: its subscription is disconnected
        /// (between attempts to reach catalogue) with the failed replay call as the reason,
        /// which makes exports degraded: exit 5.
        @Test(.enabled(if: LiveServices.available.contains("exports")))
        func aDegradedServiceExits5AndSaysWhy() throws {
            let (process, odopctl) = try start("exports")
            defer { process.stop() }
            var last: OdopctlRunner.Run?
            try eventually("exports reports degraded", timeout: .seconds(60), every: .milliseconds(50)) {
                last = try odopctl.run("status", "--service", "exports")
                return last?.exitCode == 5
            }
            let run = try #require(last)
            #expect(run.stdoutLines.contains { $0.hasPrefix("exports ") && $0.contains(" degraded ") }, "\(run)")
            #expect(
                run.stdoutLines.contains {
                    $0.hasPrefix("exports ") && $0.contains(" catalogue ") && $0.contains(" disconnected: events.replay at tcp://")
                },
                "\(run)")
            #expect(run.stderr.contains("warning: exports is degraded: its subscription to catalogue is disconnected"), "\(run)")
        }

        /// Catalogue emits events on a command, so tail and replay can be checked with real
        /// events there.
        @Test(.enabled(if: LiveServices.available.contains("catalogue")))
        func tailAndReplayShowCatalogueEvents() throws {
            let (process, odopctl) = try start("catalogue")
            defer { process.stop() }
            let tail = try odopctl.start(["events", "tail", "--service", "catalogue", "--count", "1", "--json", "--for", "60"])
            // PUB/SUB joins late: register districts until the tail has seen one.
            var registered = 0
            try eventually("tail sees a catalogue event", timeout: .seconds(60), every: .milliseconds(200)) {
                guard tail.isRunning else { return true }
                registered += 1
                let run = try odopctl.run(
                    "call", "catalogue", "district.register", #"{"state": "Uttar Pradesh", "name": "Odopctl Test \#(registered)"}"#)
                #expect(run.exitCode == 0, "\(run)")
                return false
            }
            let tailed = tail.wait(limit: .seconds(10))
            #expect(tailed.exitCode == 0, "\(tailed)")
            let event = try #require(try tailed.jsonLines().first, "\(tailed)")
            #expect(event["type"]?.stringValue == "catalogue.district.registered", "\(tailed)")

            let replay = try odopctl.run("events", "replay", "--service", "catalogue", "--json")
            #expect(replay.exitCode == 0, "\(replay)")
            let events = try replay.jsonLines()
            #expect(events.count == registered, "\(replay)")
            #expect(events.map { $0["seq"]?.intValue } == (1...registered).map { Int64($0) }, "\(replay)")
            let page = try odopctl.run("events", "replay", "--service", "catalogue", "--after", "1", "--limit", "1", "--json")
            #expect(try page.jsonLines().map { $0["seq"]?.intValue } == (registered > 1 ? [2] : []), "\(page)")
        }
    }
}
