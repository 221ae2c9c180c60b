import ODOPMessages
import ODOPRuntime

/// `toolkit.issue`, `.get`, `.redeem` (e-voucher), `.deliver` (kit).
enum ToolkitCommands {
    static func register(in registry: inout CommandRegistry, _ context: TrainingContext) {
        registry.change(ToolkitIssue.self, context) { args, work in
            let applications = ApplicationStore(db: work.db)
            let application = try applications.require(args.applicationId)
            let completed = try EnrolmentStore(db: work.db).forApplication(application.applicationId).contains { $0.status == .completed }
            guard completed else {
                throw CommandError.conflict(
                    "application \(application.applicationId) has no completed training; the toolkit follows completion",
                    field: "applicationId")
            }
            let scheme = try SchemeStore(db: work.db).require(application.schemeId, version: application.schemeVersion)
            let cap = scheme.parameters.toolkit.capRupees
            guard args.valueRupees <= cap else {
                throw CommandError.invalidArgument(
                    "₹\(args.valueRupees) is above the toolkit cap of \(scheme.schemeId) version \(scheme.version), ₹\(cap)",
                    field: "valueRupees")
            }
            let store = ToolkitStore(db: work.db)
            guard try !store.exists(artisanId: application.artisanId, schemeId: application.schemeId) else {
                throw CommandError.conflict(
                    "the artisan has had a toolkit under \(application.schemeId) already: one per artisan per scheme",
                    field: "applicationId")
            }
            let toolkit = Toolkit(
                toolkitId: RecordId.make("tk"), version: 1, applicationId: application.applicationId, artisanId: application.artisanId,
                schemeId: application.schemeId, form: scheme.parameters.toolkit.form, valueRupees: args.valueRupees, status: .issued,
                state: application.state, stateCode: application.stateCode, district: application.district,
                districtId: application.districtId, productId: application.productId, issuedOn: work.today.description,
                redeemedOn: nil, deliveredOn: nil)
            try store.insert(toolkit, familyHash: try applications.familyHash(application.applicationId))
            try Aggregates(db: work.db).count(.toolkits, application)
            work.emit(ToolkitIssued(toolkit))
            return toolkit
        }

        registry.read(ToolkitGet.self) { args, read in try ToolkitStore(db: read.db).require(args.toolkitId) }

        registry.change(ToolkitRedeem.self, context) { args, work in
            try finish(args.toolkitId, as: .eVoucher, work) { toolkit in
                toolkit.status = .redeemed
                toolkit.redeemedOn = work.today.description
                work.emit(ToolkitRedeemed(toolkit))
            }
        }

        registry.change(ToolkitDeliver.self, context) { args, work in
            try finish(args.toolkitId, as: .kit, work) { toolkit in
                toolkit.status = .delivered
                toolkit.deliveredOn = work.today.description
                work.emit(ToolkitDelivered(toolkit))
            }
        }
    }

    private static func finish(_ id: String, as form: ToolkitForm, _ work: TrainingWork, _ body: (inout Toolkit) -> Void) throws -> Toolkit
    {
        let store = ToolkitStore(db: work.db)
        var toolkit = try store.require(id)
        guard toolkit.form == form else {
            let verb = toolkit.form == .kit ? "delivered (toolkit.deliver)" : "redeemed (toolkit.redeem)"
            throw CommandError.conflict("toolkit \(toolkit.toolkitId) is a \(toolkit.form.rawValue): it is \(verb)", field: "toolkitId")
        }
        guard toolkit.status == .issued else {
            throw CommandError.conflict("toolkit \(toolkit.toolkitId) is \(toolkit.status.rawValue) already", field: "toolkitId")
        }
        toolkit.version += 1
        body(&toolkit)
        try store.update(toolkit)
        return toolkit
    }
}
