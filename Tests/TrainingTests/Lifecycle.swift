import Foundation
import ODOPMessages
import Testing
import Training

/// Steps of the lifecycle over the wire, shared by the process tests.
extension TrainingCluster {
    static let up = "up-odop-sdtd"
    static let pmv = "pm-vishwakarma"

    func register(_ args: ArtisanRegister.Arguments) throws -> ArtisanView {
        try call(ArtisanRegister.self, args)
    }

    /// Registers an artisan and brings their application to `selected` through every stage.
    func selected(_ args: ArtisanRegister.Arguments, scheme: String) throws -> (ArtisanView, TrainingApplication) {
        let artisan = try register(args)
        var application = try call(ApplicationSubmit.self, .init(artisanId: artisan.artisanId, schemeId: scheme))
        while let stage = application.pendingStage {
            application = try call(
                ApplicationVerify.self,
                .init(
                    applicationId: application.applicationId, stage: stage, outcome: .approved,
                    decidedBy: "officer of \(stage)", reason: "documents checked"))
        }
        application = try call(
            ApplicationSelect.self, .init(applicationId: application.applicationId, decidedBy: "DC Industries", reason: "interview passed"))
        return (artisan, application)
    }

    func upBatch(product: String, start: String, end: String, capacity: Int = 30, kind: TrainingKind = .basic) throws -> TrainingBatch {
        try call(
            BatchSchedule.self,
            .init(
                schemeId: Self.up, kind: kind, productId: products[product], centre: "District Industries Centre",
                trainer: "Master trainer", startDate: start, endDate: end, capacity: capacity))
    }

    func tradeBatch(
        scheme: String = pmv, trade: String, state: String = "Uttar Pradesh", district: String, start: String, end: String,
        capacity: Int = 30, kind: TrainingKind = .basic
    ) throws -> TrainingBatch {
        try call(
            BatchSchedule.self,
            .init(
                schemeId: scheme, kind: kind, trade: trade, state: state, district: district, centre: "MSME Technology Centre",
                trainer: "Master trainer", startDate: start, endDate: end, capacity: capacity))
    }

    /// Starts the batch on its start date and records `days` days of attendance for `present`
    /// from the start date (the clock at the batch's end date).
    func run(_ batch: TrainingBatch, present: [String], days: Int) throws {
        try setClock(batch.startDate)
        _ = try call(BatchStart.self, .init(batchId: batch.batchId))
        try setClock(batch.endDate)
        let start = try CalendarDay(parsing: batch.startDate, field: "startDate")
        for offset in 0..<days {
            _ = try call(
                AttendanceRecord.self, .init(batchId: batch.batchId, date: start.adding(days: offset).description, present: present))
        }
    }

    func funnel(_ scheme: String? = nil, groupBy: FunnelGrouping = .scheme) throws -> FunnelReport.Result {
        try call(FunnelReport.self, .init(groupBy: groupBy, schemeId: scheme))
    }
}

extension TrainingCluster {
    /// A UP artisan of Firozabad's glass, trained in a batch from `start` (10 days, 8 attended)
    /// and given a kit on the batch's last day.
    @discardableResult
    func upThroughToolkit(_ args: ArtisanRegister.Arguments, start: String = "2026-03-02", end: String = "2026-03-11") throws -> (
        TrainingApplication, Enrolment, Toolkit
    ) {
        let (_, application) = try selected(args, scheme: Self.up)
        let batch = try upBatch(product: "Glass Items", start: start, end: end)
        let enrolment = try call(EnrolmentCreate.self, .init(applicationId: application.applicationId, batchId: batch.batchId))
        try run(batch, present: [enrolment.enrolmentId], days: 8)
        let completed = try call(EnrolmentComplete.self, .init(enrolmentId: enrolment.enrolmentId))
        let toolkit = try call(ToolkitIssue.self, .init(applicationId: application.applicationId, valueRupees: 20_000))
        return (application, completed, toolkit)
    }
}
