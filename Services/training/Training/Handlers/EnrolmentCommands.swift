import ODOPMessages
import ODOPRuntime

/// `enrolment.create`, `.get`, `.complete`, `.drop`, `attendance.record`, `assessment.record`.
enum EnrolmentCommands {
    static func register(in registry: inout CommandRegistry, _ context: TrainingContext) {
        registry.change(EnrolmentCreate.self, context) { args, work in try create(args, work) }

        registry.read(EnrolmentGet.self) { args, read in try EnrolmentStore(db: read.db).require(args.enrolmentId) }

        registry.change(AttendanceRecord.self, context) { args, work in
            let batch = try BatchStore(db: work.db).require(args.batchId)
            guard batch.status == .started else {
                throw CommandError.conflict(
                    "batch \(batch.batchId) is \(batch.status.rawValue); attendance is taken while it runs", field: "batchId")
            }
            let day = try CalendarDay(parsing: args.date, field: "date")
            guard batch.startDate <= day.description, day.description <= batch.endDate else {
                throw CommandError.invalidArgument(
                    "\(day) is outside the batch's dates \(batch.startDate) to \(batch.endDate)", field: "date")
            }
            guard day <= work.today else {
                throw CommandError.invalidArgument(
                    "\(day) is after today (\(work.today)); attendance is recorded on or after the day", field: "date")
            }
            let store = EnrolmentStore(db: work.db)
            let enrolled = try store.inBatch(batch.batchId).filter { $0.status == .enrolled }
            let ids = Set(enrolled.map(\.enrolmentId))
            for (index, id) in args.present.enumerated() where !ids.contains(id) {
                throw CommandError.invalidArgument(
                    "\(id) is not an enrolment of batch \(batch.batchId) in training", field: "present.\(index)")
            }
            let present = Set(args.present)
            try store.record(day: day.description, present: present, of: enrolled)
            for var enrolment in enrolled {
                let attended = try store.attendedDays(enrolment.enrolmentId)
                guard attended != enrolment.attendedDays else { continue }
                enrolment.attendedDays = attended
                enrolment.version += 1
                enrolment.updatedAt = work.now
                try store.update(enrolment)
            }
            return AttendanceRecord.Result(
                batchId: batch.batchId, date: day.description, present: present.count, absent: enrolled.count - present.count)
        }

        registry.change(EnrolmentComplete.self, context) { args, work in
            let store = EnrolmentStore(db: work.db)
            var enrolment = try store.require(args.enrolmentId)
            guard enrolment.status == .enrolled else {
                throw CommandError.conflict("enrolment \(enrolment.enrolmentId) is \(enrolment.status.rawValue)", field: "enrolmentId")
            }
            let batch = try BatchStore(db: work.db).require(enrolment.batchId)
            let scheme = try SchemeStore(db: work.db).require(enrolment.schemeId, version: enrolment.schemeVersion)
            let needed = Eligibility.requiredAttendance(days: batch.days, percent: scheme.parameters.minimumAttendancePercent)
            guard enrolment.attendedDays >= needed else {
                throw CommandError.conflict(
                    "enrolment \(enrolment.enrolmentId) attended \(enrolment.attendedDays) of \(batch.days) days; completion needs \(needed) (\(scheme.parameters.minimumAttendancePercent) %)",
                    field: "enrolmentId")
            }
            enrolment.status = .completed
            enrolment.version += 1
            enrolment.updatedAt = work.now
            try store.update(enrolment)
            let application = try ApplicationStore(db: work.db).require(enrolment.applicationId)
            let aggregates = Aggregates(db: work.db)
            try aggregates.count(.completed, application)
            let rate = scheme.parameters.rule(for: enrolment.kind)?.stipendPerDayRupees ?? 0
            let amount = Eligibility.stipend(attendedDays: enrolment.attendedDays, ratePerDay: rate)
            if amount > 0 {
                let stipend = Stipend(
                    stipendId: RecordId.make("st"), enrolmentId: enrolment.enrolmentId, artisanId: enrolment.artisanId,
                    schemeId: enrolment.schemeId, kind: enrolment.kind, state: enrolment.state, stateCode: enrolment.stateCode,
                    district: enrolment.district, districtId: enrolment.districtId, attendedDays: enrolment.attendedDays,
                    ratePerDayRupees: rate, amountRupees: amount, status: .due, paymentBatchId: nil, attempts: 0, paidOn: nil)
                try StipendStore(db: work.db).insert(stipend)
                try aggregates.moveStipend(schemeId: stipend.schemeId, rupees: amount, from: nil, to: .due)
            }
            work.emit(EnrolmentCompleted(enrolment))
            return enrolment
        }

        registry.change(EnrolmentDrop.self, context) { args, work in
            let store = EnrolmentStore(db: work.db)
            var enrolment = try store.require(args.enrolmentId)
            guard enrolment.status == .enrolled else {
                throw CommandError.conflict("enrolment \(enrolment.enrolmentId) is \(enrolment.status.rawValue)", field: "enrolmentId")
            }
            enrolment.status = .dropped
            enrolment.dropReason = try PersonalFields.text(args.reason, field: "reason", maximum: 500)
            enrolment.version += 1
            enrolment.updatedAt = work.now
            try store.update(enrolment)
            work.emit(EnrolmentDropped(enrolment))
            return enrolment
        }

        registry.change(AssessmentRecord.self, context) { args, work in
            let store = EnrolmentStore(db: work.db)
            var enrolment = try store.require(args.enrolmentId)
            guard enrolment.status == .completed else {
                throw CommandError.conflict(
                    "enrolment \(enrolment.enrolmentId) is \(enrolment.status.rawValue); assessment follows completion",
                    field: "enrolmentId")
            }
            if enrolment.assessment?.result == .pass {
                throw CommandError.conflict("enrolment \(enrolment.enrolmentId) has passed its assessment already", field: "enrolmentId")
            }
            enrolment.assessment = Assessment(
                result: args.result, assessedBy: try PersonalFields.text(args.assessedBy, field: "assessedBy"),
                assessedOn: work.today.description)
            enrolment.version += 1
            enrolment.updatedAt = work.now
            try store.update(enrolment)
            return enrolment
        }
    }

    static func create(_ args: EnrolmentCreate.Arguments, _ work: TrainingWork) throws -> Enrolment {
        let application = try ApplicationStore(db: work.db).require(args.applicationId)
        guard application.status == .selected else {
            throw CommandError.conflict(
                "application \(application.applicationId) is \(application.status.rawValue); only a selected application can be enrolled",
                field: "applicationId")
        }
        let batches = BatchStore(db: work.db)
        var batch = try batches.require(args.batchId)
        guard batch.status == .scheduled || batch.status == .started else {
            throw CommandError.conflict("batch \(batch.batchId) is \(batch.status.rawValue)", field: "batchId")
        }
        guard batch.schemeId == application.schemeId else {
            throw CommandError.conflict(
                "batch \(batch.batchId) is of \(batch.schemeId), the application of \(application.schemeId)", field: "batchId")
        }
        if let product = batch.productId, product != application.productId {
            throw CommandError.conflict(
                "batch \(batch.batchId) trains for product \(product), the application is for \(application.productId ?? "no product")",
                field: "batchId")
        }
        if let trade = batch.trade, trade != application.trade {
            throw CommandError.conflict("batch \(batch.batchId) trains \(trade)s, the artisan is a \(application.trade)", field: "batchId")
        }
        let enrolments = EnrolmentStore(db: work.db)
        let own = try enrolments.forApplication(application.applicationId).filter { $0.status != .dropped }
        if let same = own.first(where: { $0.kind == batch.kind }) {
            throw CommandError.conflict(
                "application \(application.applicationId) has a \(batch.kind.rawValue) enrolment already (\(same.enrolmentId))",
                field: "applicationId")
        }
        if batch.kind == .advanced, !own.contains(where: { $0.kind == .basic && $0.status == .completed }) {
            throw CommandError.conflict("advanced training follows a completed basic training", field: "batchId")
        }
        guard batch.enrolled < batch.capacity else {
            throw CommandError.conflict("batch \(batch.batchId) is full (\(batch.capacity) places)", field: "batchId")
        }
        if let clash = try enrolments.overlapping(artisanId: application.artisanId, start: batch.startDate, end: batch.endDate).first {
            throw CommandError.conflict("the artisan is in batch \(clash.batchId) on overlapping dates", field: "batchId")
        }
        var override: DistrictOverride?
        if batch.districtId != application.districtId {
            guard let given = args.districtOverride else {
                throw CommandError.conflict(
                    "batch \(batch.batchId) is in \(batch.district), the artisan's district is \(application.district); an officer's override with a reason is needed",
                    field: "districtOverride")
            }
            override = DistrictOverride(
                by: try PersonalFields.text(given.by, field: "districtOverride.by"),
                reason: try PersonalFields.text(given.reason, field: "districtOverride.reason", maximum: 500))
        }
        batch.enrolled += 1
        try BatchCommands.save(&batch, batches, work)
        let enrolment = Enrolment(
            enrolmentId: RecordId.make("enr"), version: 1, applicationId: application.applicationId, artisanId: application.artisanId,
            batchId: batch.batchId, schemeId: application.schemeId, schemeVersion: application.schemeVersion, kind: batch.kind,
            state: batch.state, stateCode: batch.stateCode, district: batch.district, districtId: batch.districtId,
            productId: batch.productId, status: .enrolled, attendedDays: 0, districtOverride: override, dropReason: nil,
            assessment: nil, createdAt: work.now, updatedAt: work.now)
        try enrolments.insert(enrolment, startDate: batch.startDate, endDate: batch.endDate)
        if let override {
            try work.audit(
                "eligibility.override", subject: enrolment.enrolmentId,
                details: [
                    "rule": "district", "applicationId": .string(application.applicationId), "batchId": .string(batch.batchId),
                    "artisanDistrict": .string(application.districtId), "batchDistrict": .string(batch.districtId),
                    "by": .string(override.by), "reason": .string(override.reason),
                ])
        }
        try Aggregates(db: work.db).count(.enrolled, application)
        work.emit(EnrolmentCreated(enrolment))
        return enrolment
    }
}
