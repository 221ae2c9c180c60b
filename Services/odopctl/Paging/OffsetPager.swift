import ODOPMessages

/// Pages through a list command that takes `limit` and `offset` and answers
/// `{"items": [...], "total": N}` (`product.search`, `district.list`, ...): every match unless
/// the caller gave `--limit`.
///
/// Pages are fetched one after another, each handed over as it arrives, so a long list starts
/// printing at once. Offset paging is not a snapshot: a change between two pages may shift
/// items across a page boundary.
struct OffsetPager {
    /// The most a service returns per page (`limit` at most 1000 on every list command).
    static let maximumPageSize = 1000

    /// At most this many items in all; nil for every match.
    var limit: Int?
    var pageSize: Int

    init(limit: Int?, pageSize: Int = OffsetPager.maximumPageSize) {
        self.limit = limit
        self.pageSize = max(1, min(pageSize, Self.maximumPageSize))
    }

    /// One page as the service answered it.
    struct Page {
        var items: [JSONValue]
        /// All matches, on every page.
        var total: Int
    }

    /// Calls `fetch(offset, count)` until every match (or `limit` items) has been seen, and
    /// hands each page to `body` with the number of items before it. Returns the `total` the
    /// service reported last and the number of items handed over.
    @discardableResult
    func run(
        fetch: (_ offset: Int, _ count: Int) throws(OdopctlFailure) -> Page,
        body: (_ page: Page, _ offset: Int) throws(OdopctlFailure) -> Void
    ) throws(OdopctlFailure) -> (total: Int, delivered: Int) {
        var offset = 0
        var total = 0
        while true {
            let wanted = limit.map { min(pageSize, $0 - offset) } ?? pageSize
            if wanted <= 0 { break }
            var page = try fetch(offset, wanted)
            if page.items.count > wanted { page.items.removeLast(page.items.count - wanted) }
            total = page.total
            try body(page, offset)
            offset += page.items.count
            // An empty page ends it even when `total` says otherwise (items removed meanwhile).
            if page.items.isEmpty || offset >= page.total { break }
        }
        return (total, offset)
    }

    /// Reads a `{items, total}` result.
    static func page(from result: JSONValue) -> Page? {
        guard let items = result["items"]?.arrayValue, let total = result["total"]?.intValue else { return nil }
        return Page(items: items, total: Int(total))
    }
}
