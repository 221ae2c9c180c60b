/// Points where a test may hold the runtime still, to observe what happens meanwhile. Never set
/// from flags or the environment: production runs with none.
public struct RuntimeHooks: Sendable {
    /// Called on the command thread before each `events.replay` is answered (a test closes a gate
    /// here to hold a follower's catch-up).
    public var beforeReplay: (@Sendable () -> Void)?
    /// Called on the command thread before each request is dispatched, with the command's name
    /// (a test holds it to stop the command loop from making progress).
    public var beforeCommand: (@Sendable (String) -> Void)?

    public init(beforeReplay: (@Sendable () -> Void)? = nil, beforeCommand: (@Sendable (String) -> Void)? = nil) {
        self.beforeReplay = beforeReplay
        self.beforeCommand = beforeCommand
    }
}
