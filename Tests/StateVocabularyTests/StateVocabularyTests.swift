import Catalogue
import Exports
import Foundation
import ODOPClient
import ODOPMessages
import ODOPReference
import ODOPRuntime
import ODOPTesting
import Testing
import Training

/// One state vocabulary everywhere: every command of every service that takes a `state`
/// argument accepts a state by its LGD name, an alias, its ISO code, in any case and spacing,
/// and finds the same records whichever spelling is used; an unknown state is the same
/// `invalid_argument` naming the field in every service.
///
/// The commands come from the services' own registries (`registerCommands`); every registered
/// command must have a row in its service's table below, either a way to call it with a
/// `state` or an explicit "takes no state". A new command is therefore a failing test until
/// someone decides which it is. A later service (training, notifications) adds its
/// `StateArgumentTable` and an entry in `StateVocabularyTests.services`.
@Suite("state vocabulary")
struct StateVocabularyTests {
    // MARK: The tables

    /// How a command uses `state`.
    enum StateUse: Sendable {
        /// The command has no `state` argument.
        case takesNoState(because: String)
        /// A read: the arguments that look `spelling` up in `place` (its district, where needed).
        /// Every spelling of a place must give the same result, naming only that place's code.
        case finds(@Sendable (_ place: Place, _ spelling: String) -> JSONValue)
        /// A write: the arguments that create record `number` in `place`. The record created
        /// must be in that place (`stateCode`).
        case creates(@Sendable (_ place: Place, _ spelling: String, _ number: Int) -> JSONValue)
    }

    /// A service's commands and how each uses `state`.
    typealias StateArgumentTable = [String: StateUse]

    static let catalogueTable: StateArgumentTable = [
        "states.list": .takesNoState(because: "lists every state"),
        "district.register": .creates { place, spelling, number in
            ["state": .string(spelling), "name": .string("Vocabulary district \(place.code) \(number)")]
        },
        "district.list": .finds { _, spelling in ["state": .string(spelling)] },
        "product.register": .creates { place, spelling, number in
            [
                "state": .string(spelling), "district": .string(place.district),
                "name": .string("Vocabulary product \(place.code) \(number)"), "sector": "handicraft",
            ]
        },
        "product.update": .takesNoState(because: "a product never changes state"),
        "product.retire": .takesNoState(because: "names the product by id"),
        "product.get": .takesNoState(because: "names the product by id"),
        "product.search": .finds { _, spelling in ["state": .string(spelling)] },
        "products.import": .takesNoState(because: "states come in the CSV's State column, read by the importer"),
        "stats": .takesNoState(because: "counts every state"),
        "gi.discrepancies": .takesNoState(because: "covers every state"),
    ]

    static let exportsTable: StateArgumentTable = [
        "plan.get": .finds { place, spelling in ["state": .string(spelling), "district": .string(place.district)] },
        "plan.list": .finds { _, spelling in ["state": .string(spelling)] },
        "plan.prepare": .takesNoState(because: "names the plan by id"),
        "plan.update": .takesNoState(because: "names the plan by id"),
        "plan.adopt": .takesNoState(because: "names the plan by id"),
        "plan.review": .takesNoState(because: "names the plan by id"),
        "intervention.update": .takesNoState(because: "names the plan by id"),
        "figures.record": .takesNoState(because: "names the product by id"),
        "figures.history": .takesNoState(because: "names the product by id"),
        "figures.list": .finds { _, spelling in ["state": .string(spelling)] },
        "report.plans": .finds { _, spelling in ["state": .string(spelling)] },
        "report.gaps": .finds { _, spelling in ["state": .string(spelling)] },
        "report.exports": .finds { _, spelling in ["groupBy": "state", "state": .string(spelling)] },
    ]

    static let trainingTable: StateArgumentTable = [
        "report.funnel": .finds { _, spelling in ["groupBy": "state", "state": .string(spelling)] },
        "report.coverage": .finds { _, spelling in ["state": .string(spelling)] },
        "report.ageing": .takesNoState(because: "covers every state's applications by stage"),
        "report.stipends": .takesNoState(because: "reconciles a scheme's payments"),
        "scheme.list": .takesNoState(because: "lists every scheme"),
        "scheme.get": .takesNoState(because: "names the scheme by id"),
        "scheme.define": .takesNoState(because: "a scheme's residency rule names states in its parameters, validated as data"),
        "scheme.update": .takesNoState(because: "names the scheme by id"),
        "artisan.register": .creates { place, spelling, number in
            try! JSONValue(encoding: VocabularyArtisans.registration(600 + number, state: spelling, district: place.district))
        },
        "artisan.get": .takesNoState(because: "names the artisan by id"),
        "artisan.list": .finds { _, spelling in ["state": .string(spelling)] },
        "artisan.export": .takesNoState(because: "names the artisan by id"),
        "artisan.correct": .takesNoState(because: "an artisan's state is not corrected by this command"),
        "artisan.consent.give": .takesNoState(because: "names the artisan by id"),
        "artisan.consent.withdraw": .takesNoState(because: "names the artisan by id"),
        "artisan.erase": .takesNoState(because: "names the artisan by id"),
        "application.submit": .takesNoState(because: "the artisan's state is the application's"),
        "applications.import": .takesNoState(because: "states come in the CSV's state column, read by the importer"),
        "application.get": .takesNoState(because: "names the application by id"),
        "application.list": .finds { _, spelling in ["state": .string(spelling)] },
        "application.verify": .takesNoState(because: "names the application by id"),
        "application.select": .takesNoState(because: "names the application by id"),
        "application.reject": .takesNoState(because: "names the application by id"),
        "batch.schedule": .creates { place, spelling, number in
            [
                "schemeId": "pm-vishwakarma", "kind": "basic", "trade": "potter", "state": .string(spelling),
                "district": .string(place.district), "centre": .string("Vocabulary centre \(number)"), "trainer": "A. Trainer",
                "startDate": .string("2027-01-" + String(format: "%02d", 1 + number % 20)),
                "endDate": .string("2027-01-" + String(format: "%02d", 6 + number % 20)),
                "capacity": 20,
            ]
        },
        "batch.get": .takesNoState(because: "names the batch by id"),
        "batch.start": .takesNoState(because: "names the batch by id"),
        "batch.complete": .takesNoState(because: "names the batch by id"),
        "batch.cancel": .takesNoState(because: "names the batch by id"),
        "batch.list": .takesNoState(because: "filters by district id"),
        "enrolment.create": .takesNoState(because: "names the application and batch by id"),
        "enrolment.get": .takesNoState(because: "names the enrolment by id"),
        "enrolment.complete": .takesNoState(because: "names the enrolment by id"),
        "enrolment.drop": .takesNoState(because: "names the enrolment by id"),
        "attendance.record": .takesNoState(because: "names the batch by id"),
        "assessment.record": .takesNoState(because: "names the enrolment by id"),
        "certificate.issue": .takesNoState(because: "names the enrolment by id"),
        "certificate.verify": .takesNoState(because: "names the certificate by number"),
        "toolkit.issue": .takesNoState(because: "names the application by id"),
        "toolkit.get": .takesNoState(because: "names the toolkit by id"),
        "toolkit.redeem": .takesNoState(because: "names the toolkit by id"),
        "toolkit.deliver": .takesNoState(because: "names the toolkit by id"),
        "stipend.list": .takesNoState(because: "filters by scheme and status"),
        "payment.batch.create": .takesNoState(because: "names the stipends by id"),
        "payment.record": .takesNoState(because: "names the payment batch by id"),
    ]

    /// A service under test: its definition (for its registry) and its table.
    struct ServiceTable {
        let name: String
        let definition: any ServiceDefinition
        let table: StateArgumentTable
    }

    /// Every service, with a definition good enough to build its registry (endpoints unused).
    static func services() throws -> [ServiceTable] {
        [
            ServiceTable(name: "catalogue", definition: try CatalogueService(giRegistryPath: nil), table: catalogueTable),
            ServiceTable(
                name: "exports", definition: ExportsService(), table: exportsTable),
            ServiceTable(name: "training", definition: TrainingService(), table: trainingTable),
        ]
    }

    /// The commands a service registers.
    static func registeredCommands(_ definition: any ServiceDefinition) -> [String] {
        var registry = CommandRegistry()
        definition.registerCommands(in: &registry)
        return registry.names
    }

    // MARK: The places

    /// A state with the spellings every service must accept for it, and a district of it that
    /// has a product.
    struct Place: Sendable {
        let code: String
        let district: String
        let spellings: [String]
    }

    static let places = [
        Place(
            code: "TN", district: "Thanjavur",
            spellings: [
                "Tamil Nadu", "Tamilnadu", "IN-TN", "TN", "tamil nadu", "  TAMIL   NADU ", "in-tn", "tn", "TamilNadu", "tamil-nadu",
            ]),
        Place(code: "OD", district: "Puri", spellings: ["Odisha", "Orissa", "IN-OD", "OD", "ORISSA", " odisha  ", "in-od", "od"]),
    ]

    static let unknownState = "Atlantis"

    // MARK: Tests

    @Test("every registered command is in its service's table, and the table lists no other")
    func everyCommandIsCovered() throws {
        for service in try Self.services() {
            let registered = Self.registeredCommands(service.definition)
            #expect(!registered.isEmpty, "\(service.name) registers no commands")
            for name in registered where service.table[name] == nil {
                Issue.record(
                    "\(service.name): command \(name) is not in the state table: add how it takes `state`, or .takesNoState")
            }
            for name in service.table.keys where !registered.contains(name) {
                Issue.record("\(service.name): the state table lists \(name), which the service does not register")
            }
        }
    }

    @Test("every spelling of a state finds the same records in every service; an unknown one is the same invalid_argument")
    func everySpellingFindsTheSameRecords() async throws {
        let catalogue = try InProcessService(try CatalogueService(giRegistryPath: nil))
        var followers: [InProcessService] = []
        do {
            followers.append(try InProcessService(ExportsService(), peers: ["catalogue": catalogue.endpoints]))
            followers.append(try InProcessService(TrainingService(), peers: ["catalogue": catalogue.endpoints]))
            try await run(catalogue: catalogue, exports: followers[0], training: followers[1])
        } catch {
            for follower in followers { await follower.stop() }
            await catalogue.stop()
            throw error
        }
        for follower in followers { await follower.stop() }
        await catalogue.stop()
    }

    private func run(catalogue: InProcessService, exports: InProcessService, training: InProcessService) async throws {
        let catalogueClient = try catalogue.makeClient()
        let exportsClient = try exports.makeClient()
        let trainingClient = try training.makeClient()
        try Self.fill(catalogue: catalogueClient, exports: exportsClient)
        try Self.fill(training: trainingClient)

        let running: [String: CommandClient] = ["catalogue": catalogueClient, "exports": exportsClient, "training": trainingClient]
        var unknownStateErrors: [String: CommandError] = [:]
        var checkedReads = 0
        var checkedWrites = 0

        // Reads first (and every unknown state, which changes nothing), so that the records the
        // writes add cannot change what a read finds between two spellings.
        for service in try Self.services() {
            let client = try #require(running[service.name])
            for name in Self.registeredCommands(service.definition) {
                guard case .finds(let arguments) = service.table[name] else { continue }
                for place in Self.places {
                    let expected = try client.call(name, args: arguments(place, place.spellings[0]))
                    #expect(
                        Self.stateCodes(in: expected) == [place.code],
                        "\(service.name) \(name) for \(place.spellings[0]) names the states \(Self.stateCodes(in: expected))")
                    for spelling in place.spellings.dropFirst() {
                        let result = try client.call(name, args: arguments(place, spelling))
                        #expect(result == expected, "\(service.name) \(name) with state \"\(spelling)\" found other records")
                        checkedReads += 1
                    }
                }
                unknownStateErrors["\(service.name) \(name)"] = Self.failure(
                    client, name, arguments(Self.places[0], Self.unknownState))
            }
        }
        for service in try Self.services() {
            let client = try #require(running[service.name])
            for name in Self.registeredCommands(service.definition) {
                guard case .creates(let arguments) = service.table[name] else { continue }
                var number = 0
                for place in Self.places {
                    for spelling in place.spellings {
                        number += 1
                        let created = try client.call(name, args: arguments(place, spelling, number))
                        #expect(
                            created["stateCode"]?.stringValue == place.code,
                            "\(service.name) \(name) with state \"\(spelling)\" made \(created)")
                        checkedWrites += 1
                    }
                }
                unknownStateErrors["\(service.name) \(name)"] = Self.failure(
                    client, name, arguments(Self.places[0], Self.unknownState, number + 1))
            }
        }

        #expect(checkedReads > 0 && checkedWrites > 0)
        let stateCommands = try Self.services().flatMap { service in
            service.table.compactMap { name, use -> String? in
                if case .takesNoState = use { return nil }
                return "\(service.name) \(name)"
            }
        }
        #expect(Set(unknownStateErrors.keys) == Set(stateCommands))
        let expected = CommandError.invalidArgument(PlaceArguments.unknownStateMessage(Self.unknownState), field: "state")
        for (command, error) in unknownStateErrors.sorted(by: { $0.key < $1.key }) {
            #expect(error == expected, "\(command) refused the unknown state with \(error)")
        }
    }

    // MARK: Helpers

    /// Registers districts and products in Tamil Nadu, Odisha and (so that a filter has
    /// something to leave out) Karnataka, waits until exports has a plan for each district, and
    /// records an export figure for each product.
    static func fill(catalogue: CommandClient, exports: CommandClient) throws {
        let products: [(state: String, district: String, name: String, sector: String)] = [
            ("Tamil Nadu", "Thanjavur", "Thanjavur Art Plate", "handicraft"),
            ("Tamil Nadu", "Madurai", "Madurai Sungudi", "handloom"),
            ("Odisha", "Puri", "Pattachitra", "handicraft"),
            ("Karnataka", "Mysuru", "Mysore Silk", "textile"),
        ]
        var ids: [String] = []
        for product in products {
            _ = try catalogue.call(DistrictRegister.self, .init(state: product.state, name: product.district))
            ids.append(
                try catalogue.call(
                    ProductRegister.self,
                    .init(state: product.state, district: product.district, name: product.name, sector: product.sector)
                ).id)
        }
        try eventually("exports drafted a plan for each of the \(products.count) districts") {
            try exports.call(PlanList.self, .init()).total == products.count
        }
        for (index, id) in ids.enumerated() {
            _ = try exports.call(
                FiguresRecord.self,
                .init(productId: id, financialYear: "2023-24", valueINRCrore: Double(10 + index), source: "DGCI&S"))
        }
    }

    /// Registers an artisan in each district of `fill(catalogue:exports:)` (once training has the
    /// districts) and submits a PM Vishwakarma application for each, so that training's reads
    /// have records in every place.
    static func fill(training: CommandClient) throws {
        let districts = [("Tamil Nadu", "Thanjavur"), ("Tamil Nadu", "Madurai"), ("Odisha", "Puri"), ("Karnataka", "Mysuru")]
        for (index, (state, district)) in districts.enumerated() {
            var artisan: ArtisanView?
            var lastError: (any Error)?
            do {
                try eventually("training knows \(district)") {
                    do {
                        artisan = try training.call(
                            ArtisanRegister.self, VocabularyArtisans.registration(index, state: state, district: district))
                    } catch {
                        lastError = error
                    }
                    return artisan != nil
                }
            } catch {
                Issue.record("artisan.register in \(district): \(String(describing: lastError))")
                throw error
            }
            _ = try training.call(ApplicationSubmit.self, .init(artisanId: try #require(artisan).artisanId, schemeId: "pm-vishwakarma"))
        }
    }

    /// The error `command` fails with, or `internal` (and an issue) when it succeeds.
    static func failure(_ client: CommandClient, _ command: String, _ args: JSONValue) -> CommandError {
        do {
            let result = try client.call(command, args: args)
            Issue.record("\(command) with an unknown state succeeded: \(result)")
            return .internalError("succeeded")
        } catch {
            return error
        }
    }

    /// Every `stateCode` string anywhere in `value`, and the row keys of a report grouped by state.
    static func stateCodes(in value: JSONValue) -> Set<String> {
        switch value {
        case .object(let members):
            var codes = Set(members.values.flatMap { stateCodes(in: $0) })
            if let code = members["stateCode"]?.stringValue { codes.insert(code) }
            // A report grouped by state (training's funnel) keys its rows by state code.
            if members["groupBy"]?.stringValue == "state", case .array(let rows)? = members["rows"] {
                codes.formUnion(rows.compactMap { $0["key"]?.stringValue })
            }
            return codes
        case .array(let elements):
            return Set(elements.flatMap { stateCodes(in: $0) })
        default:
            return []
        }
    }
}

/// Made-up artisans (valid Aadhaar numbers by Verhoeff, Indian mobiles) for the training rows.
enum VocabularyArtisans {
    static func aadhaar(_ seed: Int) -> String {
        var digits = [2 + seed % 8]
        var value = UInt64(seed) &* 2_654_435_761 &+ 97_531
        for _ in 0..<10 {
            digits.append(Int(value % 10))
            value = value / 10 &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        }
        digits.append(Verhoeff.checkDigit(for: digits))
        return digits.map(String.init).joined()
    }

    /// A name part made of letters only (names hold no digits): 0 → "Aa", 27 → "Bb", ...
    static func letters(_ seed: Int) -> String {
        let first = Character(UnicodeScalar(65 + (seed / 26) % 26)!)
        let second = Character(UnicodeScalar(97 + seed % 26)!)
        return "\(first)\(second)k"
    }

    static func registration(_ seed: Int, state: String, district: String) -> ArtisanRegister.Arguments {
        ArtisanRegister.Arguments(
            name: "Artisan " + letters(seed), gender: seed % 2 == 0 ? "male" : "female", dateOfBirth: "1985-06-15",
            mobile: "9" + String(format: "%09d", 100_000_000 + seed * 7919 % 899_999_999), aadhaar: aadhaar(seed),
            familyReference: "RC-VOC-\(100_000 + seed)", state: state, district: district, trade: "potter", productId: nil,
            bank: BankDetails(accountNumber: String(format: "%012d", 400_000_000_000 + seed * 104_729), ifsc: "SBIN0001234"),
            consentPurpose: "training and toolkit under ODOP schemes")
    }
}

/// `audit.list`, which the runtime registers in every service (so the tables above, built from a
/// service's own `registerCommands`, do not see it), takes `state` in the same vocabulary.
@Suite("the audit trail's state filter")
struct AuditStateVocabularyTests {
    @Test("audit.list finds the same entries for every spelling of a state; an unknown state is invalid_argument naming it")
    func auditListTakesEverySpelling() async throws {
        let catalogue = try InProcessService(try CatalogueService(giRegistryPath: nil))
        let client = try catalogue.makeClient()
        for (state, district) in [("Tamil Nadu", "Thanjavur"), ("Odisha", "Puri"), ("Karnataka", "Mysuru")] {
            _ = try client.call(DistrictRegister.self, .init(state: state, name: district))
        }
        for place in StateVocabularyTests.places {
            let expected = try client.call(AuditList.self, .init(state: place.spellings[0]))
            // One district registered in each state: its one entry, not the other states'.
            #expect(expected.items.count == 1, "audit.list for \(place.spellings[0]): \(expected.items)")
            #expect(expected.items.first?.state != nil)
            for spelling in place.spellings.dropFirst() {
                #expect(try client.call(AuditList.self, .init(state: spelling)) == expected, "audit.list with state \"\(spelling)\"")
            }
        }
        let refused = try client.send(
            CommandRequest(
                id: CommandClient.newRequestID(), command: AuditList.name, args: ["state": .string(StateVocabularyTests.unknownState)]))
        #expect(refused.error?.code == .invalidArgument)
        #expect(refused.error?.field == "state")
        await catalogue.stop()
    }
}
