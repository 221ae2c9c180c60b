import ODOPMessages

/// Decides who may run what when CURVE is on: the ZAP handler admits listed keys and names them
/// (the message's `User-Id`); mutating commands need `admin`, everything else any admitted key.
struct Authorizer: Sendable {
    /// Admitted clients by the name the ZAP handler gives them.
    let principals: [String: Principal]

    func principal(userID: String) -> Principal? { principals[userID] }

    func refusal(for principal: Principal?, command: String, isMutating: Bool) -> CommandError? {
        guard let principal else {
            return .unauthorized("\(command) needs an authenticated client key")
        }
        if isMutating && principal.role != .admin {
            return .forbidden("\(command) changes state and needs the admin role; \(principal.name) has \(principal.role.rawValue)")
        }
        return nil
    }
}
