import ArgumentParser
import ODOPClient
import ODOPMessages

/// `odopctl events tail`: live events from the services' PUB sockets.
struct EventsTailCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tail",
        abstract: "Print live events as the services publish them.",
        discussion: """
            Subscribes to the event socket of every service (or those given with --service) and \
            prints each event on one line: time, source, seq, type and the data's key members \
            (id, name, district, state, ...). With --json, each event is printed as one JSON \
            line, the envelope exactly as published.

            --type keeps the events whose type starts with the prefix (the services filter on \
            their side); catalogue.product. is every product event. Heartbeats (a service's \
            "I am alive, my last seq is K" every second) are left out unless \
            --include-heartbeats.

            Runs until Ctrl-C (exit 0), or until --count events were printed or --for seconds \
            passed. The live stream drops what it cannot deliver: when a seq gap shows, a note \
            on stderr says which events to replay; a service silent for 10 seconds is reported \
            as probably down.

            Examples:
              odopctl events tail
              odopctl events tail --service catalogue --type catalogue.product.
              odopctl events tail --json | jq -c 'select(.type == "exports.plan.adopted")'
              odopctl events tail --count 1 --for 30    # wait up to 30 s for the next event
            """
    )

    @Option(
        help: ArgumentHelp(
            "Only this service; repeat for several. (default: all)", valueName: "service"))
    var service: [ServiceName] = []

    @Option(
        name: .customLong("type"),
        help: ArgumentHelp(
            "Only events whose type starts with this, e.g. catalogue.product.", valueName: "prefix"))
    var typePrefix: String?

    @Flag(help: "Also print the services' heartbeats.")
    var includeHeartbeats = false

    @Option(help: ArgumentHelp("Stop after this many events.", valueName: "n"))
    var count: Int?

    @Option(name: .customLong("for"), help: ArgumentHelp("Stop after this many seconds.", valueName: "seconds"))
    var seconds: Double?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let count, count < 1 { throw ValidationError("--count must be at least 1, got \(count)") }
        if let seconds, !(seconds > 0 && seconds <= 31_536_000) {
            throw ValidationError("--for must be a positive number of seconds, got \(seconds)")
        }
    }

    /// The services to follow: --service, else the ones whose events can match --type.
    var followed: [ServiceName] {
        if !service.isEmpty { return Array(Set(service)).sorted() }
        guard let typePrefix, !typePrefix.isEmpty else { return ServiceName.allCases }
        let matching = ServiceName.allCases.filter {
            typePrefix.hasPrefix($0.rawValue + ".") || ($0.rawValue + ".").hasPrefix(typePrefix)
        }
        return matching.isEmpty ? ServiceName.allCases : matching
    }

    /// The SUB prefixes: --type (or everything) and the heartbeats, which tail always takes to
    /// notice a silent service.
    func topics(for services: [ServiceName]) -> [String] {
        guard let typePrefix, !typePrefix.isEmpty else { return [""] }
        return [typePrefix] + services.map { EventEnvelope.heartbeatType(for: $0.rawValue) }
    }

    func run() throws {
        let settings = try global.resolve()
        let services = followed
        if let typePrefix, !typePrefix.isEmpty,
            !ServiceName.allCases.contains(where: { typePrefix.hasPrefix($0.rawValue) || $0.rawValue.hasPrefix(typePrefix) })
        {
            StandardStream.error.writeLine(
                "warning: no service publishes types starting with '\(typePrefix)' (types start with the service's name)")
        }
        var sources: [EventStream.Source] = []
        for service in services {
            sources.append(try settings.eventSource(for: service))
        }
        let interrupt = try InterruptSignal()
        let stream: EventStream
        do {
            stream = try EventStream(
                sources: sources, topics: topics(for: services), wakeFileDescriptor: interrupt.fileDescriptor)
        } catch {
            throw OdopctlFailure(.unavailable, ["error: cannot subscribe: \(error)"])
        }
        defer { stream.close() }
        if !global.json {
            let list = sources.map { "\($0.name) (\($0.endpoint))" }.joined(separator: ", ")
            StandardStream.error.writeLine("following \(list); Ctrl-C to stop")
        }

        let clock = ContinuousClock()
        let deadline = seconds.map { clock.now + .milliseconds(Int64(($0 * 1000).rounded())) }
        var watch = SourceWatch(sources.map { ($0.name, $0.endpoint) })
        var printed = 0
        while !interrupt.isRaised {
            if let count, printed >= count { break }
            var wait = Duration.seconds(1)
            if let deadline {
                let left = deadline - clock.now
                if left <= .zero { break }
                wait = min(wait, left)
            }
            let delivery: EventStream.Delivery?
            do {
                delivery = try stream.next(timeout: wait)
            } catch {
                throw OdopctlFailure(.internal, ["error: receiving events failed: \(error)"])
            }
            StandardStream.error.writeLines(watch.checkSilence())
            switch delivery {
            case nil:
                continue
            case .malformed(let source, let problem)?:
                StandardStream.error.writeLine("warning: malformed message from \(source.name) at \(source.endpoint): \(problem)")
            case .event(let envelope, let source)?:
                StandardStream.error.writeLines(watch.heard(envelope, from: source.name))
                if envelope.isHeartbeat && !includeHeartbeats { continue }
                if let typePrefix, !envelope.type.hasPrefix(typePrefix), !envelope.isHeartbeat { continue }
                StandardStream.output.writeLine(EventLine.line(envelope, json: global.json))
                printed += 1
            }
        }
    }
}
