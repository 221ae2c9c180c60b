/// The paging rule every list command shares: `limit`, when given, is 1…`maximum`; `offset`,
/// when given, is at least 0. Violations are `invalid_argument` naming the field. Left out,
/// `limit` is `defaultLimit` and `offset` 0 (`page(limit:offset:)`).
public enum PageArguments {
    /// The page size of a list command whose `limit` is left out.
    public static let defaultLimit = 50
    /// The largest `limit` a list command accepts.
    public static let maximumLimit = 1000

    public static func validate(limit: Int?, offset: Int?, maximum: Int = maximumLimit) throws(CommandError) {
        if let limit, !(1...maximum).contains(limit) {
            throw .invalidArgument("field 'limit' must be between 1 and \(maximum), got \(limit)", field: "limit")
        }
        if let offset, offset < 0 {
            throw .invalidArgument("field 'offset' must be at least 0, got \(offset)", field: "offset")
        }
    }

    /// The page the (validated) arguments select, with the defaults filled in.
    public static func page(limit: Int?, offset: Int?) -> (limit: Int, offset: Int) {
        (limit ?? defaultLimit, offset ?? 0)
    }
}
