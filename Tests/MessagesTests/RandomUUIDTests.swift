import Foundation
import Testing

@testable import ODOPMessages

@Suite("RandomUUID")
struct RandomUUIDTests {
    @Test("version 4 UUIDs in lowercase canonical form, parseable by Foundation, and distinct")
    func shape() {
        var seen = Set<String>()
        for _ in 0..<1000 {
            let text = RandomUUID.string()
            #expect(text.count == 36)
            #expect(text == text.lowercased())
            let uuid = UUID(uuidString: text)
            #expect(uuid != nil)
            #expect(Array(text)[14] == "4")
            #expect("89ab".contains(Array(text)[19]))
            seen.insert(text)
        }
        #expect(seen.count == 1000)
    }

    @Test("the bits are written in order, 8-4-4-4-12, with the version and variant set")
    func knownBits() {
        #expect(RandomUUID.string(high: 0x0123_4567_89AB_CDEF, low: 0xFEDC_BA98_7654_3210) == "01234567-89ab-4def-bedc-ba9876543210")
        #expect(RandomUUID.string(high: 0, low: 0) == "00000000-0000-4000-8000-000000000000")
        #expect(RandomUUID.string(high: .max, low: .max) == "ffffffff-ffff-4fff-bfff-ffffffffffff")
    }
}
