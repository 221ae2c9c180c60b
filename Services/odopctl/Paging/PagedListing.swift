import ODOPMessages

/// How a list command prints every match of a paged list command (`product.search`,
/// `plan.list`, `figures.list`): with `--json`, one JSON array, written page by page as the
/// pages arrive (each item exactly as the service sent it); for people, one aligned table of
/// all the items, then on stderr how many were shown of how many match.
///
/// A failure after the first page leaves the JSON array unterminated, and odopctl exits
/// non-zero: a script never mistakes part of the list for all of it.
struct PagedListing<Item: Decodable> {
    let connection: ServiceConnection
    /// The wire command, for messages.
    let command: String
    /// At most this many items; nil for every match.
    var limit: Int?
    /// What the items are, for the count on stderr: `product`, `plan`.
    let noun: String

    /// Pages through the command, each page's arguments made by `arguments(offset, count)`.
    func run(
        json: Bool,
        arguments: (_ offset: Int, _ count: Int) throws(OdopctlFailure) -> JSONValue,
        table: ([Item]) -> Table
    ) throws(OdopctlFailure) {
        let pager = OffsetPager(limit: limit)
        var items: [Item] = []
        var opened = false
        let outcome = try pager.run(
            fetch: { offset, count throws(OdopctlFailure) in
                let result = try connection.call(command, args: try arguments(offset, count))
                guard let page = OffsetPager.page(from: result) else {
                    throw OdopctlFailure(
                        .internal,
                        [
                            "error: unreadable result of \(command) from \(connection.service.rawValue) at \(connection.endpoint): expected {items, total}"
                        ])
                }
                return page
            },
            body: { page, _ throws(OdopctlFailure) in
                if json {
                    guard !page.items.isEmpty else { return }
                    let text = page.items.map(JSONText.compact).joined(separator: ",")
                    StandardStream.output.write((opened ? "," : "[") + text)
                    opened = true
                } else {
                    for item in page.items {
                        items.append(try connection.decode(Item.self, from: item, command: command))
                    }
                }
            })
        if json {
            StandardStream.output.write((opened ? "" : "[") + "]\n")
            return
        }
        if !items.isEmpty { StandardStream.output.write(table(items).rendered) }
        StandardStream.error.writeLine(Self.countLine(shown: outcome.delivered, total: outcome.total, noun: noun, limit: limit))
    }

    /// `57 products`, `5 of 57 products (--limit 5)`, `no products match`.
    static func countLine(shown: Int, total: Int, noun: String, limit: Int?) -> String {
        let plural = noun + "s"
        if total == 0 && shown == 0 { return "no \(plural) match" }
        let name = total == 1 ? noun : plural
        if shown >= total { return "\(NumberText.count(total)) \(name)" }
        let reason = limit.map { shown >= $0 ? " (--limit \($0))" : "" } ?? ""
        return "\(NumberText.count(shown)) of \(NumberText.count(total)) \(name)\(reason)"
    }
}

extension ServiceConnection {
    /// The arguments of a typed command as JSON; a failure is odopctl's own (`internal`).
    func encode<C: CommandSchema>(_ command: C.Type, _ arguments: C.Arguments) throws(OdopctlFailure) -> JSONValue {
        do {
            return try JSONValue(encoding: arguments)
        } catch {
            throw OdopctlFailure(.internal, ["error: cannot encode the arguments of \(C.name): \(error)"])
        }
    }
}
