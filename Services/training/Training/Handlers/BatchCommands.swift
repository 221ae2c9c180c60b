import GRDB
import ODOPCatalogueCopy
import ODOPMessages
import ODOPReference
import ODOPRuntime

/// `batch.schedule`, `.get`, `.list`, `.start`, `.complete`, `.cancel`.
///
/// A batch is `scheduled`, then `started` (on or after its start date), then `completed` (on or
/// after its end date); only a scheduled batch can be `cancelled`, by command or because its
/// ODOP product was retired (`CatalogueFollower`). A cancelled batch's enrolments are dropped.
enum BatchCommands {
    static func register(in registry: inout CommandRegistry, _ context: TrainingContext) {
        registry.change(BatchSchedule.self, context) { args, work in try schedule(args, work) }

        registry.read(BatchGet.self) { args, read in try BatchStore(db: read.db).require(args.batchId) }

        registry.read(BatchList.self) { args, read in
            var filters: [(String, any DatabaseValueConvertible)] = []
            if let scheme = args.schemeId { filters.append(("scheme_id", scheme)) }
            if let district = args.districtId { filters.append(("district_id", district)) }
            if let status = args.status { filters.append(("status", status.rawValue)) }
            return try StoredJSON.page(
                TrainingBatch.self, read.db, table: "batches", filters: filters, after: args.after,
                limit: args.limit ?? TrainingPaging.defaultLimit)
        }

        registry.change(BatchStart.self, context) { args, work in
            let store = BatchStore(db: work.db)
            var batch = try store.require(args.batchId)
            guard batch.status == .scheduled else {
                throw CommandError.conflict("batch \(batch.batchId) is \(batch.status.rawValue), not scheduled", field: "batchId")
            }
            guard work.today.description >= batch.startDate else {
                throw CommandError.conflict("batch \(batch.batchId) starts on \(batch.startDate); today is \(work.today)", field: "batchId")
            }
            batch.status = .started
            try save(&batch, store, work)
            work.emit(BatchStarted(batch))
            return batch
        }

        registry.change(BatchComplete.self, context) { args, work in
            let store = BatchStore(db: work.db)
            var batch = try store.require(args.batchId)
            guard batch.status == .started else {
                throw CommandError.conflict("batch \(batch.batchId) is \(batch.status.rawValue), not started", field: "batchId")
            }
            guard work.today.description >= batch.endDate else {
                throw CommandError.conflict("batch \(batch.batchId) ends on \(batch.endDate); today is \(work.today)", field: "batchId")
            }
            batch.status = .completed
            try save(&batch, store, work)
            try Aggregates(db: work.db).batchCompleted(districtId: batch.districtId, on: batch.endDate)
            work.emit(BatchCompleted(batch))
            return batch
        }

        registry.change(BatchCancel.self, context) { args, work in
            var batch = try BatchStore(db: work.db).require(args.batchId)
            guard batch.status == .scheduled else {
                throw CommandError.conflict(
                    "batch \(batch.batchId) is \(batch.status.rawValue); only a scheduled batch can be cancelled", field: "batchId")
            }
            try cancel(&batch, reason: try PersonalFields.text(args.reason, field: "reason", maximum: 500), work)
            return batch
        }
    }

    static func schedule(_ args: BatchSchedule.Arguments, _ work: TrainingWork) throws -> TrainingBatch {
        let scheme = try SchemeStore(db: work.db).require(args.schemeId)
        let p = scheme.parameters
        guard let rule = p.rule(for: args.kind) else {
            throw CommandError.invalidArgument(
                "\(scheme.schemeId) runs no \(args.kind.rawValue) training (it runs \(p.trainingKinds.map(\.kind.rawValue).joined(separator: ", ")))",
                field: "kind")
        }
        let start = try CalendarDay(parsing: args.startDate, field: "startDate")
        let end = try CalendarDay(parsing: args.endDate, field: "endDate")
        guard start <= end else { throw CommandError.invalidArgument("field 'endDate' is before 'startDate'", field: "endDate") }
        let days = start.daysInclusive(to: end)
        guard (rule.minimumDays...rule.maximumDays).contains(days) else {
            throw CommandError.invalidArgument(
                "\(args.kind.rawValue) training of \(scheme.schemeId) lasts \(rule.minimumDays)–\(rule.maximumDays) days; these dates give \(days)",
                field: "endDate")
        }
        let catalogue = CatalogueCopyReader(work.db)
        var productId: String?
        var trade: String?
        var sector: String?
        let district: CatalogueDistrict
        if p.requiresOdopProduct {
            guard let given = args.productId else {
                throw CommandError.invalidArgument(
                    "missing field 'productId': \(scheme.schemeId) trains for an ODOP product", field: "productId")
            }
            let product = try ArtisanRegistration.activeProduct(given, in: nil, catalogue, field: "productId")
            productId = product.id
            sector = product.sector
            district = CatalogueDistrict(
                id: product.districtId, state: product.state, stateCode: product.stateCode, name: product.district, aliases: [])
        } else {
            guard args.productId == nil else {
                throw CommandError.invalidArgument(
                    "\(scheme.schemeId) trains for a trade; give 'trade', 'state' and 'district', not 'productId'", field: "productId")
            }
            guard let givenTrade = args.trade else { throw CommandError.invalidArgument("missing field 'trade'", field: "trade") }
            let key = try PersonalFields.trade(givenTrade)
            if let trades = p.eligibleTrades, !trades.contains(key) {
                throw CommandError.invalidArgument("\(scheme.schemeId) does not cover the trade \"\(key)\"", field: "trade")
            }
            trade = key
            guard let givenState = args.state else { throw CommandError.invalidArgument("missing field 'state'", field: "state") }
            guard let givenDistrict = args.district else {
                throw CommandError.invalidArgument("missing field 'district'", field: "district")
            }
            let state = try PlaceArguments.state(givenState)
            district = try catalogue.districts(argument: givenDistrict, in: state)[0]
        }
        if let state = p.state, state != district.stateCode {
            throw CommandError.invalidArgument(
                "\(scheme.schemeId) runs batches in \(state) only", field: p.requiresOdopProduct ? "productId" : "state")
        }
        let batch = TrainingBatch(
            batchId: RecordId.make("bat"), version: 1, schemeId: scheme.schemeId, kind: args.kind, productId: productId,
            trade: trade, sector: sector, state: district.state, stateCode: district.stateCode, district: district.name,
            districtId: district.id, centre: try PersonalFields.text(args.centre, field: "centre", maximum: 200),
            trainer: try PersonalFields.text(args.trainer, field: "trainer"), startDate: start.description,
            endDate: end.description, days: days, capacity: args.capacity, enrolled: 0, status: .scheduled,
            cancelledReason: nil, createdAt: work.now, updatedAt: work.now)
        try BatchStore(db: work.db).insert(batch)
        work.emit(BatchScheduled(batch))
        return batch
    }

    static func save(_ batch: inout TrainingBatch, _ store: BatchStore, _ work: TrainingWork) throws {
        batch.version += 1
        batch.updatedAt = work.now
        try store.update(batch)
    }

    /// Cancels a scheduled batch and drops its enrolments, with events.
    static func cancel(_ batch: inout TrainingBatch, reason: String, _ work: TrainingWork) throws {
        batch.status = .cancelled
        batch.cancelledReason = reason
        try save(&batch, BatchStore(db: work.db), work)
        work.emit(BatchCancelled(batch))
        let enrolments = EnrolmentStore(db: work.db)
        for var enrolment in try enrolments.inBatch(batch.batchId) where enrolment.status == .enrolled {
            enrolment.status = .dropped
            enrolment.dropReason = "batch cancelled: \(reason)"
            enrolment.version += 1
            enrolment.updatedAt = work.now
            try enrolments.update(enrolment)
            work.emit(EnrolmentDropped(enrolment))
        }
    }
}
