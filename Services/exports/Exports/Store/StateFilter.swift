/// SQL for a `state` filter that accepts the LGD name or the two-letter code, case-insensitively.
enum StateFilter {
    /// `(<name> = ? COLLATE NOCASE OR <code> = ? COLLATE NOCASE)`; bind the value twice.
    static func clause(name: String = "state", code: String = "state_code") -> String {
        "(\(name) = ? COLLATE NOCASE OR \(code) = ? COLLATE NOCASE)"
    }
}
