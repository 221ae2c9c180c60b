import GRDB
import ODOPCatalogueCopy
import ODOPMessages
import ODOPRuntime

/// `application.submit`, `.get`, `.list`, `.verify`, `.select`, `.reject`.
enum ApplicationCommands {
    static func register(in registry: inout CommandRegistry, _ context: TrainingContext) {
        registry.change(ApplicationSubmit.self, context) { args, work in
            try submit(artisanId: args.artisanId, schemeId: args.schemeId, work)
        }

        registry.read(ApplicationGet.self) { args, read in
            try ApplicationStore(db: read.db).require(args.applicationId)
        }

        registry.read(ApplicationList.self) { args, read in
            var columns: [(String, String)] = []
            if let scheme = args.schemeId { columns.append(("scheme_id", scheme)) }
            if let status = args.status { columns.append(("status", status.rawValue)) }
            let state = try PlaceArguments.state(ifGiven: args.state)
            if let state { columns.append(("state_code", state.code)) }
            if let district = args.district {
                columns.append(("district_id", try CatalogueCopyReader(read.db).districts(argument: district, in: state)[0].id))
            }
            return try StoredJSON.page(
                TrainingApplication.self, read.db, table: "applications",
                filters: columns.map { ($0.0, $0.1 as any DatabaseValueConvertible) }, after: args.after,
                limit: args.limit ?? TrainingPaging.defaultLimit)
        }

        registry.change(ApplicationVerify.self, context) { args, work in
            let store = ApplicationStore(db: work.db)
            var application = try store.require(args.applicationId)
            guard application.status == .submitted, let pending = application.pendingStage else {
                throw CommandError.conflict(
                    "application \(application.applicationId) is \(application.status.rawValue), not waiting for verification",
                    field: "applicationId")
            }
            guard args.stage == pending else {
                throw CommandError.conflict(
                    "application \(application.applicationId) waits at stage \(pending), not \(args.stage)", field: "stage")
            }
            let scheme = try SchemeStore(db: work.db).require(application.schemeId, version: application.schemeVersion)
            let decision = VerificationDecision(
                stage: pending, outcome: args.outcome, decidedBy: try PersonalFields.text(args.decidedBy, field: "decidedBy"),
                reason: try PersonalFields.text(args.reason, field: "reason", maximum: 500), decidedAt: work.now)
            application.decisions.append(decision)
            try work.audit("verification.decided", subject: application.applicationId, details: decision.auditDetails)
            application.version += 1
            application.updatedAt = work.now
            switch args.outcome {
            case .rejected:
                application.status = .rejected
                application.pendingStage = nil
                application.rejection = decision
                try store.update(application, waitingSince: nil)
                work.emit(ApplicationRejected(ApplicationChange(application, stage: pending)))
            case .approved:
                let stages = scheme.parameters.verificationStages
                let index = stages.firstIndex(of: pending) ?? stages.count - 1
                let remaining = stages.count - index - 1
                if remaining == 0 {
                    application.status = .verified
                    application.pendingStage = nil
                    try store.update(application, waitingSince: nil)
                    try Aggregates(db: work.db).count(.verified, application)
                } else {
                    application.pendingStage = stages[index + 1]
                    try store.update(application, waitingSince: work.today.description)
                }
                work.emit(ApplicationVerified(ApplicationChange(application, stage: pending, stagesRemaining: remaining)))
            }
            return application
        }

        registry.change(ApplicationSelect.self, context) { args, work in
            let store = ApplicationStore(db: work.db)
            var application = try store.require(args.applicationId)
            guard application.status == .verified else {
                throw CommandError.conflict(
                    "application \(application.applicationId) is \(application.status.rawValue); only a verified application can be selected",
                    field: "applicationId")
            }
            application.selectedBy = try PersonalFields.text(args.decidedBy, field: "decidedBy")
            let reason = try PersonalFields.text(args.reason, field: "reason", maximum: 500)
            try work.audit(
                "verification.decided", subject: application.applicationId,
                details: [
                    "stage": "selection", "outcome": "selected", "decidedBy": .string(application.selectedBy ?? ""),
                    "reason": .string(reason),
                ])
            application.status = .selected
            application.version += 1
            application.updatedAt = work.now
            try store.update(application, waitingSince: nil)
            try Aggregates(db: work.db).count(.selected, application)
            work.emit(ApplicationSelected(ApplicationChange(application)))
            return application
        }

        registry.change(ApplicationReject.self, context) { args, work in
            let store = ApplicationStore(db: work.db)
            var application = try store.require(args.applicationId)
            guard application.status == .submitted || application.status == .verified else {
                throw CommandError.conflict(
                    "application \(application.applicationId) is \(application.status.rawValue) and can no longer be rejected",
                    field: "applicationId")
            }
            let stage = application.pendingStage ?? "selection"
            let decision = VerificationDecision(
                stage: stage, outcome: .rejected, decidedBy: try PersonalFields.text(args.decidedBy, field: "decidedBy"),
                reason: try PersonalFields.text(args.reason, field: "reason", maximum: 500), decidedAt: work.now)
            application.rejection = decision
            try work.audit("verification.decided", subject: application.applicationId, details: decision.auditDetails)
            application.status = .rejected
            application.pendingStage = nil
            application.version += 1
            application.updatedAt = work.now
            try store.update(application, waitingSince: nil)
            work.emit(ApplicationRejected(ApplicationChange(application, stage: stage)))
            return application
        }
    }

    /// Submits an application after every eligibility rule; refusals name the field.
    static func submit(artisanId: String, schemeId: String, _ work: TrainingWork) throws -> TrainingApplication {
        let scheme = try SchemeStore(db: work.db).require(schemeId)
        let artisans = try ArtisanStore(db: work.db)
        let artisan = try artisans.require(artisanId)
        guard artisan.erasedAt == nil, let personal = artisan.personal else {
            throw CommandError.conflict("artisan \(artisan.id) was erased", field: "artisanId")
        }
        guard try artisans.hasActiveConsent(artisan.id) else {
            throw CommandError.conflict("artisan \(artisan.id) has withdrawn consent; record it again first", field: "artisan.consent")
        }
        let p = scheme.parameters
        let birth = try CalendarDay(parsing: personal.dateOfBirth, field: "artisan.dateOfBirth")
        try Eligibility.check(
            .init(dateOfBirth: birth, stateCode: artisan.stateCode, trade: artisan.trade), p, schemeId: scheme.schemeId, today: work.today)
        var product: CatalogueProduct?
        if p.requiresOdopProduct {
            guard let productId = artisan.productId else {
                throw CommandError.conflict(
                    "\(scheme.schemeId) is for artisans of an ODOP product; the artisan has none", field: "artisan.productId")
            }
            product = try ArtisanRegistration.activeProduct(
                productId, in: artisan.districtId, CatalogueCopyReader(work.db), field: "artisan.productId")
        } else if let productId = artisan.productId {
            product = try CatalogueCopyReader(work.db).product(id: productId)
        }
        let applications = ApplicationStore(db: work.db)
        if let open = try applications.open(artisanId: artisan.id, schemeId: scheme.schemeId).first {
            throw CommandError.conflict(
                "artisan \(artisan.id) already has application \(open.applicationId) (\(open.status.rawValue)) to \(scheme.schemeId)",
                field: "artisanId")
        }
        if p.benefitUnit == .family,
            try applications.familyMember(familyHash: artisan.familyHash, schemeId: scheme.schemeId, other: artisan.id)
        {
            throw CommandError.conflict(
                "\(scheme.schemeId) allows one application per family; another member of this family has applied",
                field: "artisan.familyReference")
        }
        if let rule = p.coolingOff {
            let since = Eligibility.coolingOffStart(rule, today: work.today).description
            let toolkits = ToolkitStore(db: work.db)
            if try toolkits.issuedSince(since, schemes: rule.schemes, artisanId: artisan.id, familyHash: nil) {
                throw CommandError.conflict(
                    "the artisan got a toolkit under \(rule.schemes.joined(separator: ", ")) since \(since) (cooling-off of \(rule.years) years)",
                    field: "artisanId")
            }
            if rule.includesFamily,
                try toolkits.issuedSince(since, schemes: rule.schemes, artisanId: artisan.id, familyHash: artisan.familyHash)
            {
                throw CommandError.conflict(
                    "the artisan's family got a toolkit under \(rule.schemes.joined(separator: ", ")) since \(since) (cooling-off of \(rule.years) years)",
                    field: "artisan.familyReference")
            }
        }
        let application = TrainingApplication(
            applicationId: RecordId.make("app"), version: 1, artisanId: artisan.id, schemeId: scheme.schemeId,
            schemeVersion: scheme.version, status: .submitted, pendingStage: p.verificationStages.first, decisions: [],
            rejection: nil, selectedBy: nil, state: artisan.state, stateCode: artisan.stateCode, district: artisan.district,
            districtId: artisan.districtId, productId: product?.id, sector: product?.sector, trade: artisan.trade,
            submittedAt: work.now, updatedAt: work.now)
        try applications.insert(application, familyHash: artisan.familyHash, waitingSince: work.today.description)
        try Aggregates(db: work.db).count(.applied, application, productName: product?.name)
        work.emit(ApplicationSubmitted(ApplicationChange(application, stage: application.pendingStage)))
        return application
    }
}

extension VerificationDecision {
    /// The decision as its audit entry's details: stage, outcome, who decided and why.
    var auditDetails: JSONValue {
        ["stage": .string(stage), "outcome": .string(outcome.rawValue), "decidedBy": .string(decidedBy), "reason": .string(reason)]
    }
}
