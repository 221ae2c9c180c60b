import Foundation
import ODOPClient
import ODOPMessages
import ODOPTesting
import Testing
import Training

/// Personal data over the wire: an Aadhaar number is never stored, personal data is masked
/// unless asked for, and `artisan.erase` removes it for good from every file of the data
/// directory while the counts stay.
@Suite("odop-training personal data, as processes", .serialized, .timeLimit(.minutes(5)))
struct PrivacyProcessTests {
    typealias C = TrainingCluster

    @Test(
        "the same Aadhaar number on a second artisan is refused and the number is in no file, output or stored reply; erasure leaves no personal data and the counts"
    )
    func aadhaarAndErasure() throws {
        try TrainingCluster.with { cluster in
            let number = Artisans.aadhaar(4242)
            let digits = Array(number)
            let spellings = [
                number,
                stride(from: 0, to: 12, by: 4).map { String(digits[$0..<$0 + 4]) }.joined(separator: " "),
                stride(from: 0, to: 12, by: 4).map { String(digits[$0..<$0 + 4]) }.joined(separator: "-"),
            ]
            let name = "Zubeida Quraishi"
            let mobile = "9876501234"
            let birth = "1988-07-14"
            let account = "309812345678"
            let args = Artisans.registration(
                42, district: "Varanasi", trade: "tailor", dateOfBirth: birth, name: name, mobile: mobile, aadhaar: spellings[2],
                bank: BankDetails(accountNumber: account, ifsc: "PUNB0123400"))
            let (artisan, application) = try cluster.selected(args, scheme: C.pmv)
            #expect(artisan.aadhaar == "XXXX-XXXX-\(number.suffix(4))")
            let refused = try cluster.expectRefused(
                ArtisanRegister.self, Artisans.registration(43, aadhaar: spellings[1]), .conflict, field: "aadhaar")
            #expect(!refused.message.contains(String(number.suffix(4))))
            try cluster.expectRefused(ArtisanRegister.self, Artisans.registration(44, aadhaar: spellings[0]), .conflict, field: "aadhaar")

            // Masked unless asked for, and asked for explicitly with a purpose.
            let masked = try cluster.call(ArtisanGet.self, .init(artisanId: artisan.artisanId))
            #expect(
                masked.masked && masked.name == "Z****** Q*******" && masked.mobile == "XXXXXX1234" && masked.dateOfBirth == "1988-XX-XX")
            #expect(masked.bank == BankView(accountNumber: "XXXXXXXX5678", ifsc: "PUNB0XXXXXX"))
            let error = try cluster.failure(ArtisanGet.self, .init(artisanId: artisan.artisanId, reveal: true))
            #expect(error.code == .invalidArgument && error.field == "purpose")
            let revealed = try cluster.call(
                ArtisanGet.self, .init(artisanId: artisan.artisanId, reveal: true, purpose: "stipend grievance 17"))
            #expect(!revealed.masked && revealed.name == name && revealed.mobile == mobile && revealed.dateOfBirth == birth)
            #expect(revealed.bank?.accountNumber == account && revealed.aadhaar == masked.aadhaar)
            let export = try cluster.call(ArtisanExport.self, .init(artisanId: artisan.artisanId))
            #expect(export.artisan.name == name && export.applications.map(\.applicationId) == [application.applicationId])
            #expect(export.artisan.consents.map(\.purpose) == ["training and toolkit under ODOP schemes"])

            // A corrected mobile: the old one is gone too.
            let oldMobile = mobile
            let newMobile = "8765409876"
            _ = try cluster.call(ArtisanCorrect.self, .init(artisanId: artisan.artisanId, mobile: newMobile))

            func search(_ needles: [String], _ when: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
                let replies = try cluster.storedReplies()
                let output = cluster.training.logText()
                for needle in needles {
                    let holders = try cluster.filesHolding(needle)
                    #expect(holders.isEmpty, "\(when): \"\(needle)\" found in \(holders)", sourceLocation: sourceLocation)
                    #expect(!replies.contains(needle), "\(when): a stored reply holds \"\(needle)\"", sourceLocation: sourceLocation)
                    #expect(!output.contains(needle), "\(when): the service's output holds \"\(needle)\"", sourceLocation: sourceLocation)
                }
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: cluster.trainingDirectory.path).contains("training.sqlite-wal"))
            try search(spellings, "before a checkpoint")
            try cluster.checkpoint()
            try search(spellings, "after a checkpoint")

            // The search does find what is there: the name, before erasure.
            #expect(try cluster.filesHolding(name) == ["training.sqlite"])
            #expect(try cluster.filesHolding(oldMobile).isEmpty, "the corrected mobile was overwritten with zeros")

            let funnel = try cluster.funnel()
            let events = try cluster.events().count
            let erased = try cluster.call(ArtisanErase.self, .init(artisanId: artisan.artisanId, reason: "the artisan asked for erasure"))
            #expect(erased.artisanId == artisan.artisanId)
            try cluster.expectRefused(
                ArtisanErase.self, .init(artisanId: artisan.artisanId, reason: "again"), .conflict, field: "artisanId")
            let after = try cluster.call(ArtisanGet.self, .init(artisanId: artisan.artisanId, reveal: true, purpose: "check"))
            #expect(after.erased && after.name == nil && after.mobile == nil && after.dateOfBirth == nil && after.bank == nil)
            #expect(after.aadhaar == masked.aadhaar, "the last 4 digits stay, as the reference to refuse a second benefit")
            #expect(try cluster.funnel() == funnel, "the counts stay")
            let erasedEvent = try #require(try cluster.events(after: Int64(events)).last)
            #expect(erasedEvent.type == "training.artisan.erased" && erasedEvent.data["artisanId"] == .string(artisan.artisanId))
            #expect(erasedEvent.data["name"] == nil)

            let personal = [name, "Zubeida", "Quraishi", oldMobile, newMobile, birth, account]
            try search(personal + spellings, "after erasure")
            try cluster.checkpoint()
            try search(personal + spellings, "after erasure and a checkpoint")
            // The keyed hash still refuses the number.
            try cluster.expectRefused(ArtisanRegister.self, Artisans.registration(45, aadhaar: number), .conflict, field: "aadhaar")
            try cluster.expectRefused(
                ApplicationSubmit.self, .init(artisanId: artisan.artisanId, schemeId: C.up), .conflict, field: "artisanId")
            // No event ever carried personal data.
            let everyEvent = try cluster.events()
            let all = try everyEvent.map { String(decoding: try WireFormat.encode($0), as: UTF8.self) }.joined()
            for needle in personal + spellings { #expect(!all.contains(needle), "an event holds \(needle)") }
            // The last 4 digits alone would match random hex in ids and trace contexts: look for
            // them where an identity would stand, as a value or a masked value of the data.
            let lastFour = String(number.suffix(4))
            for event in everyEvent {
                for (key, value) in Self.leaves(of: event.data) {
                    #expect(!key.lowercased().contains("aadhaar"), "\(event.type) has a member \(key)")
                    let digits = value.filter(\.isNumber)
                    #expect(
                        !(digits == lastFour || (value.count <= 16 && value.hasSuffix(lastFour))), "\(event.type).\(key) holds \(value)")
                }
            }
        }
    }

    /// Every string leaf of `value`, with the member name it stands under.
    static func leaves(of value: JSONValue, key: String = "") -> [(String, String)] {
        switch value {
        case .object(let members): members.flatMap { leaves(of: $0.value, key: $0.key) }
        case .array(let elements): elements.flatMap { leaves(of: $0, key: key) }
        case .string(let text): [(key, text)]
        default: []
        }
    }

    @Test("the identity key file: missing stops the service with 78, readable by others with 77")
    func identityKeyFile() throws {
        let directory = TemporaryDirectory(prefix: "odop-training-key")
        let key = directory.file("identity.key")
        let missing = ServiceProcess("training", environment: ["ODOP_IDENTITY_KEY_FILE": key.path])
        try missing.start(waitForHealth: .zero)
        #expect(missing.waitForExit(timeout: .seconds(20)) && missing.exitStatus == 78)
        #expect(missing.logText().contains("identity key file"))

        try Data(repeating: 7, count: 40).write(to: key)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: key.path)
        let open = ServiceProcess("training", environment: ["ODOP_IDENTITY_KEY_FILE": key.path])
        try open.start(waitForHealth: .zero)
        #expect(open.waitForExit(timeout: .seconds(20)) && open.exitStatus == 77)
        #expect(open.logText().contains("chmod 600"))

        let none = ServiceProcess("training")
        try none.start(waitForHealth: .zero)
        #expect(none.waitForExit(timeout: .seconds(20)) && none.exitStatus == 78)
    }
}
