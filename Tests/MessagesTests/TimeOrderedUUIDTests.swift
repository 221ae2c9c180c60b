import Foundation
import Testing

@testable import ODOPMessages

@Suite("TimeOrderedUUID")
struct TimeOrderedUUIDTests {
    @Test("version 7 UUIDs in lowercase canonical form, parseable by Foundation, and distinct")
    func shape() {
        var seen = Set<String>()
        for _ in 0..<1000 {
            let text = TimeOrderedUUID.string()
            #expect(text.count == 36)
            #expect(text == text.lowercased())
            #expect(UUID(uuidString: text) != nil)
            #expect(Array(text)[14] == "7")
            #expect("89ab".contains(Array(text)[19]))
            seen.insert(text)
        }
        #expect(seen.count == 1000)
    }

    @Test("the time's 48 bits come first, then the version, 12 random bits, the variant and 62 random bits")
    func knownBits() {
        #expect(
            TimeOrderedUUID.string(milliseconds: 0x0123_4567_89AB, high: 0xFFFF_FFFF_FFFF_FCDE, low: 0xFEDC_BA98_7654_3210)
                == "01234567-89ab-7cde-bedc-ba9876543210")
        #expect(TimeOrderedUUID.string(milliseconds: 0, high: 0, low: 0) == "00000000-0000-7000-8000-000000000000")
        #expect(TimeOrderedUUID.string(milliseconds: .max, high: .max, low: .max) == "ffffffff-ffff-7fff-bfff-ffffffffffff")
    }

    @Test("the time is the date's milliseconds since 1970, rounded as RFC 3339 text rounds them")
    func timeOfTheDate() {
        // 2026-12-03T18:30:00.1235Z: RFC3339 writes .124, and so does the id.
        let date = Date(timeIntervalSince1970: 1_796_322_600.1235)
        #expect(RFC3339.string(from: date) == "2026-12-03T18:30:00.124Z")
        #expect(TimeOrderedUUID.milliseconds(since1970: date.timeIntervalSince1970) == 1_796_322_600_124)
        #expect(
            TimeOrderedUUID.string(at: date).hasPrefix(String(format: "%08x-%04x", 1_796_322_600_124 >> 16, 1_796_322_600_124 & 0xFFFF)))
        #expect(TimeOrderedUUID.milliseconds(since1970: -5) == 0)
        #expect(TimeOrderedUUID.milliseconds(since1970: .nan) == 0)
        #expect(TimeOrderedUUID.milliseconds(since1970: 1e30) == 0xFFFF_FFFF_FFFF)
    }

    @Test("ids of later milliseconds sort after earlier ones, as text")
    func laterSortsAfter() {
        let start = Date(timeIntervalSince1970: 1_796_322_600)
        let ids = (0..<2000).map { TimeOrderedUUID.string(at: start.addingTimeInterval(Double($0) / 1000)) }
        #expect(ids.sorted() == ids)
        #expect(Set(ids).count == ids.count)
        // Across the 32-bit boundary of the time field, too.
        let boundary = Double(0x1_0000_0000) / 1000
        #expect(
            TimeOrderedUUID.string(at: Date(timeIntervalSince1970: boundary - 0.001))
                < TimeOrderedUUID.string(at: Date(timeIntervalSince1970: boundary)))
    }
}
