import Foundation
import ODOPMessages

/// One input of the coverage-guided fuzzer, run through what a command server does with a frame:
/// the whole input as a request frame (`CommandRequest.parse`, then the named command's argument
/// decoding when the request is well formed), as a reply frame, and, when it parses as JSON after
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
        guard let first = data.first else { return }
        guard let args = try? WireFormat.parse(Data(data.dropFirst())) else { return }
        let target = FuzzTargets.decoders[Int(first) % FuzzTargets.decoders.count]
        _ = try? target.decode(args)
    }
}
