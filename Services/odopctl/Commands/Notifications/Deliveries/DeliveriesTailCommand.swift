import ArgumentParser
import ODOPClient
import ODOPMessages

/// `odopctl notifications deliveries tail`: deliveries as they are sent or die, live.
struct DeliveriesTailCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tail",
        abstract: "Print deliveries as they are sent or die, and subscriptions as they are disabled, live.",
        discussion: """
            Subscribes to the notifications service's events (notifications.delivery.sent, \
            notifications.delivery.dead, notifications.subscription.disabled) and prints one \
            line each: time, what happened, the delivery and subscription ids, the event type, \
            attempts and the last status or error. With --json, each event's envelope as one \
            JSON line. Runs until Ctrl-C, --count lines or --for seconds.

            Examples:
              odopctl notifications deliveries tail
              odopctl notifications deliveries tail --subscription sub_3k9x7m2q8r4t6v1w5y0z2a4c6e
              odopctl notifications deliveries tail --json | jq -c 'select(.type == "notifications.delivery.dead")'
            """
    )

    @Option(name: .customLong("subscription"), help: ArgumentHelp("Only this subscription's.", valueName: "id"))
    var subscriptionId: String?

    @Option(help: ArgumentHelp("Stop after this many lines.", valueName: "n"))
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

    /// One line for people: `2026-11-23T07:10:07.311Z  sent  msg_...  sub_...  exports.figures.recorded  4 attempts  200`.
    static func line(_ envelope: EventEnvelope) -> String {
        let data = envelope.data
        let what = envelope.type.replacingOccurrences(of: "notifications.delivery.", with: "")
            .replacingOccurrences(of: "notifications.subscription.", with: "subscription ")
        var parts = [envelope.time, what]
        for key in ["deliveryId", "subscriptionId", "type", "reason"] {
            if let value = data[key]?.stringValue { parts.append(value) }
        }
        if let attempts = data["attempts"]?.intValue { parts.append("\(attempts) attempt\(attempts == 1 ? "" : "s")") }
        if let status = (data["status"] ?? data["lastStatus"])?.intValue { parts.append(String(status)) }
        if let error = data["lastError"]?.stringValue { parts.append(error) }
        return parts.joined(separator: "  ")
    }

    func run() throws {
        let settings = try global.resolve()
        let source = try settings.eventSource(for: .notifications)
        let interrupt = try InterruptSignal()
        let stream: EventStream
        do {
            stream = try EventStream(sources: [source], topics: ["notifications."], wakeFileDescriptor: interrupt.fileDescriptor)
        } catch {
            throw OdopctlFailure(.unavailable, ["error: cannot subscribe: \(error)"])
        }
        defer { stream.close() }
        if !global.json { StandardStream.error.writeLine("following notifications (\(source.endpoint)); Ctrl-C to stop") }
        let clock = ContinuousClock()
        let deadline = seconds.map { clock.now + .milliseconds(Int64(($0 * 1000).rounded())) }
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
            guard case .event(let envelope, _)? = delivery, !envelope.isHeartbeat else { continue }
            if let subscriptionId, envelope.data["subscriptionId"]?.stringValue != subscriptionId { continue }
            StandardStream.output.writeLine(global.json ? EventLine.json(envelope) : Self.line(envelope))
            printed += 1
        }
    }
}
