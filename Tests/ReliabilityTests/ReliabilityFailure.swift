/// Why the reliability suite could not go on (a setup step or an episode did not happen).
struct ReliabilityFailure: Error, CustomStringConvertible {
    let description: String
}
