import Foundation
import GRDB
import ODOPCatalogueCopy
import ODOPMessages
import ODOPReference
import ODOPRuntime

/// Where each training command acts, for scoped keys (a district officer's key acts only in its
/// district) and the audit trail. A command on a record acts in the record's district (an
/// artisan's, an application's, a batch's, an enrolment's, a toolkit's, a stipend's); a new
/// artisan or batch in the district it names (a batch for a product, in the product's district);
/// lists and reports in the state and district they filter by.
///
/// Commands that span places or none (`applications.import`, `payment.batch.create`,
/// `scheme.define`, `scheme.update`) declare none: only an unscoped key may run them. Reads that
/// name no place (`scheme.*`, `stipend.list`, `certificate.verify`, `report.ageing`,
/// `report.stipends`) stay open to every admitted key.
enum CommandPlaces {
    static func register(in registry: inout CommandRegistry) {
        registry.place(of: ArtisanRegister.self, .record { args, db in try districtPlace(state: args.state, district: args.district, db) })
        registry.place(of: ArtisanGet.self, .record { args, db in try artisanPlace(args.artisanId, db) })
        registry.place(of: ArtisanExport.self, .record { args, db in try artisanPlace(args.artisanId, db) })
        registry.place(of: ArtisanCorrect.self, .record { args, db in try artisanPlace(args.artisanId, db) })
        registry.place(of: ArtisanConsentGive.self, .record { args, db in try artisanPlace(args.artisanId, db) })
        registry.place(of: ArtisanConsentWithdraw.self, .record { args, db in try artisanPlace(args.artisanId, db) })
        registry.place(of: ArtisanErase.self, .record { args, db in try artisanPlace(args.artisanId, db) })
        registry.place(of: ArtisanList.self, .record { args, db in try filterPlace(state: args.state, district: args.district, db) })

        registry.place(of: ApplicationSubmit.self, .record { args, db in try artisanPlace(args.artisanId, db) })
        registry.place(of: ApplicationGet.self, .record { args, db in try applicationPlace(args.applicationId, db) })
        registry.place(of: ApplicationVerify.self, .record { args, db in try applicationPlace(args.applicationId, db) })
        registry.place(of: ApplicationSelect.self, .record { args, db in try applicationPlace(args.applicationId, db) })
        registry.place(of: ApplicationReject.self, .record { args, db in try applicationPlace(args.applicationId, db) })
        registry.place(of: ApplicationList.self, .record { args, db in try filterPlace(state: args.state, district: args.district, db) })

        registry.place(of: BatchSchedule.self, .record { args, db in try schedulePlace(args, db) })
        registry.place(of: BatchGet.self, .record { args, db in try batchPlace(args.batchId, db) })
        registry.place(of: BatchStart.self, .record { args, db in try batchPlace(args.batchId, db) })
        registry.place(of: BatchComplete.self, .record { args, db in try batchPlace(args.batchId, db) })
        registry.place(of: BatchCancel.self, .record { args, db in try batchPlace(args.batchId, db) })
        registry.place(of: BatchList.self, .record { args, _ in args.districtId.map(districtIdPlace) })

        registry.place(of: EnrolmentCreate.self, .record { args, db in try batchPlace(args.batchId, db) })
        registry.place(of: EnrolmentGet.self, .record { args, db in try enrolmentPlace(args.enrolmentId, db) })
        registry.place(of: EnrolmentComplete.self, .record { args, db in try enrolmentPlace(args.enrolmentId, db) })
        registry.place(of: EnrolmentDrop.self, .record { args, db in try enrolmentPlace(args.enrolmentId, db) })
        registry.place(of: AttendanceRecord.self, .record { args, db in try batchPlace(args.batchId, db) })
        registry.place(of: AssessmentRecord.self, .record { args, db in try enrolmentPlace(args.enrolmentId, db) })
        registry.place(of: CertificateIssue.self, .record { args, db in try enrolmentPlace(args.enrolmentId, db) })

        registry.place(of: ToolkitIssue.self, .record { args, db in try applicationPlace(args.applicationId, db) })
        registry.place(of: ToolkitGet.self, .record { args, db in try toolkitPlace(args.toolkitId, db) })
        registry.place(of: ToolkitRedeem.self, .record { args, db in try toolkitPlace(args.toolkitId, db) })
        registry.place(of: ToolkitDeliver.self, .record { args, db in try toolkitPlace(args.toolkitId, db) })
        registry.place(of: PaymentRecord.self, .record { args, db in try stipendPlace(args.stipendId, db) })

        registry.place(of: FunnelReport.self, .fields(state: { $0.state }))
        registry.place(of: CoverageReport.self, .fields(state: { $0.state }))
    }

    static func artisanPlace(_ id: String, _ db: Database) throws -> CommandPlace { place(of: try ArtisanStore(db: db).require(id)) }
    static func applicationPlace(_ id: String, _ db: Database) throws -> CommandPlace {
        place(of: try ApplicationStore(db: db).require(id))
    }
    static func batchPlace(_ id: String, _ db: Database) throws -> CommandPlace { place(of: try BatchStore(db: db).require(id)) }
    static func enrolmentPlace(_ id: String, _ db: Database) throws -> CommandPlace { place(of: try EnrolmentStore(db: db).require(id)) }
    static func toolkitPlace(_ id: String, _ db: Database) throws -> CommandPlace { place(of: try ToolkitStore(db: db).require(id)) }
    static func stipendPlace(_ id: String, _ db: Database) throws -> CommandPlace { place(of: try StipendStore(db: db).require(id)) }

    static func place(of record: some DistrictRecord) -> CommandPlace {
        CommandPlace(stateCode: record.stateCode, districtID: record.districtId)
    }

    /// A district by the catalogue's id, its state code in any case (`up-firozabad`).
    static func districtIdPlace(_ id: String) -> CommandPlace {
        let code = id.prefix(while: { $0 != "-" }).uppercased()
        return CommandPlace(stateCode: code, districtID: code + id.drop(while: { $0 != "-" }))
    }

    /// A district named in any spelling the catalogue copy reads (name, alias or id), in `state`.
    static func districtPlace(state: String, district: String, _ db: Database) throws -> CommandPlace {
        let state = try PlaceArguments.state(state)
        let found = try CatalogueCopyReader(db).districts(argument: district, in: state)[0]
        return CommandPlace(stateCode: found.stateCode, districtID: found.id)
    }

    /// The place a list filters by: its district when it names one, else its state, else none.
    static func filterPlace(state: String?, district: String?, _ db: Database) throws -> CommandPlace? {
        let state = try PlaceArguments.state(ifGiven: state)
        if let district {
            let found = try CatalogueCopyReader(db).districts(argument: district, in: state)
            guard found.count == 1 else { return state.map { CommandPlace(stateCode: $0.code) } }
            return CommandPlace(stateCode: found[0].stateCode, districtID: found[0].id)
        }
        return state.map { CommandPlace(stateCode: $0.code) }
    }

    /// A batch for a product acts in the product's district; otherwise in the state and district
    /// it names.
    static func schedulePlace(_ args: BatchSchedule.Arguments, _ db: Database) throws -> CommandPlace? {
        if let productId = args.productId {
            guard let product = try CatalogueCopyReader(db).product(id: productId) else {
                throw CommandError.invalidArgument("no ODOP product \"\(productId)\" is known to training", field: "productId")
            }
            return CommandPlace(stateCode: product.stateCode, districtID: product.districtId)
        }
        guard let state = args.state else { return nil }
        guard let district = args.district else { return CommandPlace(stateCode: try PlaceArguments.state(state).code) }
        return try districtPlace(state: state, district: district, db)
    }
}

/// A training record kept in one district (its state code and the catalogue's district id).
protocol DistrictRecord {
    var stateCode: String { get }
    var districtId: String { get }
}

extension ArtisanStore.Stored: DistrictRecord {}
extension TrainingApplication: DistrictRecord {}
extension TrainingBatch: DistrictRecord {}
extension Enrolment: DistrictRecord {}
extension Toolkit: DistrictRecord {}
extension Stipend: DistrictRecord {}
