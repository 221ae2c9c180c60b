import Foundation
import ODOPMessages
import ZeroMQ

/// Sends the bad-input corpus to one command socket, each input on a DEALER socket of its own
/// (so that a missing reply cannot be taken for the next input's), and sorts what comes back.
struct BadInputSender {
    struct Outcome: Sendable {
        var tried = 0
        /// Inputs that got a failure reply (the expected answer).
        var refused = 0
        /// Inputs a service accepted (a success reply): allowed, but listed.
        var accepted: [String] = []
        /// Violations: no reply, an unreadable reply, or `internal`.
        var violations: [String] = []
    }

    let context: ZMQContext
    let endpoint: String
    let service: String

    func send(_ inputs: [BadInput]) -> Outcome {
        var outcome = Outcome()
        for input in inputs {
            outcome.tried += 1
            switch exchange(input) {
            case .success(let reply):
                switch reply {
                case .success:
                    outcome.accepted.append(input.name)
                case .failure(_, let error) where error.code == .internal:
                    outcome.violations.append("\(service): \(input.name): internal: \(error.message)")
                case .failure:
                    outcome.refused += 1
                }
            case .failure(let problem):
                outcome.violations.append("\(service): \(input.name): \(problem.description)")
                print("reliability: \(service) gave no reply to bad input \(input.name): \(problem)")
            }
        }
        return outcome
    }

    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    private func exchange(_ input: BadInput) -> Result<CommandReply, Problem> {
        do {
            let socket = try context.socket(.dealer)
            defer { socket.close() }
            try socket.set(.linger(milliseconds: 0), .receiveTimeout(milliseconds: 10_000))
            try socket.connect(endpoint)
            let frames = (input.delimited ? [Data()] : []) + input.frames
            if frames.isEmpty {
                _ = try socket.send(Data())
            } else {
                _ = try socket.send(multipart: frames)
            }
            guard let reply = try socket.receiveMultipart(), let body = reply.last else {
                return .failure(Problem(description: "no reply within 10 s"))
            }
            return .success(try CommandReply.parse(body))
        } catch {
            return .failure(Problem(description: "\(error)"))
        }
    }
}
