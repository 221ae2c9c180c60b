/// The paging rule every list command shares: `limit`, when given, is 1…`maximum`; `offset`,
/// when given, is at least 0. Violations are `invalid_argument` naming the field.
public enum PageArguments {
    public static func validate(limit: Int?, offset: Int?, maximum: Int) throws(CommandError) {
        if let limit, !(1...maximum).contains(limit) {
            throw .invalidArgument("field 'limit' must be between 1 and \(maximum), got \(limit)", field: "limit")
        }
        if let offset, offset < 0 {
            throw .invalidArgument("field 'offset' must be at least 0, got \(offset)", field: "offset")
        }
    }
}
