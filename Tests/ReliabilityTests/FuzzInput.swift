import Foundation
import ODOPMessages

/// One input of the coverage-guided fuzzer, run through what a command server does with a frame:
/// the whole input as a request frame (`CommandRequest.parse`, then the named command's argument
/// decoding when the request is well formed), as a reply frame (also as a `health` reply, read
/// both straight from the bytes and the general way: the two must agree), and, when it parses as JSON after
/// its first byte, as the arguments of the command that byte picks (`FuzzTargets.decoders`).
///
/// The contract it checks is the one the fuzzer enforces: whatever the bytes, decoding ends in a
/// value or a `CommandError`, never a trap, a crash or a memory error. Shared by the libFuzzer
/// harness (Tools/fuzz) and `FuzzRegressionTests`, which replays every kept input through it.
enum FuzzInput {
    static func run(_ data: Data) {
        if case .success(let request) = CommandRequest.parse(data) {
            for target in FuzzTargets.decoders where target.name == request.command {
                _ = try? target.decode(request.args)
            }
        }
        _ = try? CommandReply.parse(data)
        // The health result read straight from the bytes must be the general path's, value or error.
        let direct = Result { () throws(CommandError) in try CommandReply.result(ofFrame: data, answering: nil, as: HealthReport.self) }
        let general = Result { () throws(CommandError) in try CommandReply.parse(data, answering: nil).result(as: HealthReport.self) }
        precondition(direct == general, "a health reply read straight from its bytes differs from the general path")
        guard let first = data.first else { return }
        guard let args = try? WireFormat.parse(Data(data.dropFirst())) else { return }
        let target = FuzzTargets.decoders[Int(first) % FuzzTargets.decoders.count]
        _ = try? target.decode(args)
    }
}
