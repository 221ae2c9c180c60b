import Foundation
import ODOPMessages
import Testing

@Suite("RFC 3339")
struct RFC3339Tests {
    @Test func formatsUTCWithMilliseconds() {
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: 1_795_417_501.123)) == "2026-11-23T07:05:01.123Z")
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00.000Z")
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: -1.5)) == "1969-12-31T23:59:58.500Z")
    }

    @Test func roundsToTheNearestMillisecond() {
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: 59.9996)) == "1970-01-01T00:01:00.000Z")
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: 1.0004)) == "1970-01-01T00:00:01.000Z")
    }

    @Test func parsesVariants() throws {
        let expected = Date(timeIntervalSince1970: 1_795_417_501)
        for text in [
            "2026-11-23T07:05:01Z", "2026-11-23t07:05:01z", "2026-11-23T12:35:01+05:30", "2026-11-23T02:05:01-05:00",
            "2026-11-23T07:05:01.000Z", "2026-11-23T07:05:01.000000000000Z",
        ] {
            let date = try #require(RFC3339.date(from: text), "\(text)")
            #expect(abs(date.timeIntervalSince(expected)) < 1e-6, "\(text)")
        }
        let fractional = try #require(RFC3339.date(from: "2026-11-23T07:05:01.5Z"))
        #expect(abs(fractional.timeIntervalSince1970 - 1_795_417_501.5) < 1e-6)
    }

    @Test(arguments: [
        "", "2026-11-23", "2026-11-23T07:05:01", "2026-11-23 07:05:01Z", "2026-02-30T00:00:00Z",
        "2025-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-23T24:00:00Z", "2026-11-23T07:60:00Z",
        "2026-11-23T07:05:01.Z", "2026-11-23T07:05:01+0530", "2026-11-23T07:05:01Zjunk", "26-11-23T07:05:01Z",
    ])
    func rejectsInvalid(text: String) {
        #expect(RFC3339.date(from: text) == nil)
    }

    @Test func roundTrips() throws {
        for milliseconds in stride(from: Int64(-86_400_000), through: 4_102_444_800_000, by: 7_777_777_777) {
            let text = RFC3339.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
            let date = try #require(RFC3339.date(from: text))
            #expect(RFC3339.string(from: date) == text)
            #expect(Int64((date.timeIntervalSince1970 * 1000).rounded()) == milliseconds)
        }
    }

    @Test func isSafeFromManyTasksAtOnce() async {
        let results = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<64 {
                group.addTask {
                    var ok = true
                    for step in 0..<500 {
                        let date = Date(timeIntervalSince1970: Double(index * 1_000_003 + step) + 0.25)
                        ok = ok && RFC3339.date(from: RFC3339.string(from: date)) == date
                    }
                    return ok
                }
            }
            return await group.allSatisfy { $0 }
        }
        #expect(results)
    }
}
