import ODOPReference

/// SQL for a `state` filter. The argument was resolved to a state or UT by the rule every
/// service shares (`PlaceArguments.state`), so the rows are matched by its ISO code alone and
/// every spelling the catalogue accepts (LGD name, alias, `TN`, `IN-TN`) finds the same rows.
enum StateFilter {
    /// `<column> = ?`; bind `argument(state)`.
    static func clause(code column: String = "state_code") -> String {
        "\(column) = ?"
    }

    /// The value the clause binds: the state's two-letter code, as the catalogue's events carry it.
    static func argument(_ state: StateUT) -> String { state.code }
}
