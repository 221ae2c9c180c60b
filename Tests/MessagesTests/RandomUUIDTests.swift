import Foundation
import ODOPMessages
import Testing

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
}
