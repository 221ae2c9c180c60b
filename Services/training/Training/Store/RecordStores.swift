import GRDB
import ODOPMessages

/// Applications, by id, with the columns the rules and lists look up.
struct ApplicationStore {
    let db: Database

    func application(_ id: String) throws -> TrainingApplication? {
        try StoredJSON.fetch(TrainingApplication.self, db, table: "applications", id: id)
    }

    func require(_ id: String, field: String = "applicationId") throws -> TrainingApplication {
        guard let application = try application(id) else { throw CommandError.notFound("no application \"\(id)\"", field: field) }
        return application
    }

    /// The application's stored family hash.
    func familyHash(_ id: String) throws -> String {
        try String.fetchOne(db.cachedStatement(sql: "SELECT family_hash FROM applications WHERE id = ?"), arguments: [id]) ?? ""
    }

    func insert(_ application: TrainingApplication, familyHash: String, waitingSince: String?) throws {
        if let stage = application.pendingStage, let waitingSince {
            try Aggregates(db: db).wait(schemeId: application.schemeId, stage: stage, since: waitingSince, by: 1)
        }
        try StoredJSON.insert(
            db, table: "applications", record: application,
            columns: [
                "id": application.applicationId, "artisan_id": application.artisanId, "scheme_id": application.schemeId,
                "status": application.status.rawValue, "family_hash": familyHash, "state_code": application.stateCode,
                "district_id": application.districtId, "pending_stage": application.pendingStage, "waiting_since": waitingSince,
            ])
    }

    func update(_ application: TrainingApplication, waitingSince: String?) throws {
        let aggregates = Aggregates(db: db)
        if let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT pending_stage, waiting_since FROM applications WHERE id = ?"),
            arguments: [application.applicationId]),
            let stage: String = row["pending_stage"], let since: String = row["waiting_since"]
        {
            try aggregates.wait(schemeId: application.schemeId, stage: stage, since: since, by: -1)
        }
        if let stage = application.pendingStage, let waitingSince {
            try aggregates.wait(schemeId: application.schemeId, stage: stage, since: waitingSince, by: 1)
        }
        try StoredJSON.update(
            db, table: "applications", id: application.applicationId, record: application,
            columns: [
                "status": application.status.rawValue, "pending_stage": application.pendingStage, "waiting_since": waitingSince,
            ])
    }

    /// The artisan's applications to `schemeId` that are not rejected.
    func open(artisanId: String, schemeId: String) throws -> [TrainingApplication] {
        try String.fetchAll(
            db.cachedStatement(sql: "SELECT json FROM applications WHERE artisan_id = ? AND scheme_id = ? AND status != 'rejected'"),
            arguments: [artisanId, schemeId]
        ).map { try StoredJSON.decode(TrainingApplication.self, $0) }
    }

    /// Another artisan of the same family with an application to `schemeId` that is not rejected.
    func familyMember(familyHash: String, schemeId: String, other artisanId: String) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT EXISTS (SELECT 1 FROM applications WHERE scheme_id = ? AND family_hash = ? AND artisan_id != ? AND status != 'rejected')
                    """), arguments: [schemeId, familyHash, artisanId]) ?? false
    }

    func all(artisanId: String) throws -> [TrainingApplication] {
        try String.fetchAll(
            db.cachedStatement(sql: "SELECT json FROM applications WHERE artisan_id = ? ORDER BY id"),
            arguments: [artisanId]
        ).map { try StoredJSON.decode(TrainingApplication.self, $0) }
    }
}

/// Batches.
struct BatchStore {
    let db: Database

    func require(_ id: String, field: String = "batchId") throws -> TrainingBatch {
        guard let batch = try StoredJSON.fetch(TrainingBatch.self, db, table: "batches", id: id) else {
            throw CommandError.notFound("no batch \"\(id)\"", field: field)
        }
        return batch
    }

    func insert(_ batch: TrainingBatch) throws {
        try StoredJSON.insert(
            db, table: "batches", record: batch,
            columns: [
                "id": batch.batchId, "scheme_id": batch.schemeId, "district_id": batch.districtId, "product_id": batch.productId,
                "status": batch.status.rawValue,
            ])
    }

    func update(_ batch: TrainingBatch) throws {
        try StoredJSON.update(db, table: "batches", id: batch.batchId, record: batch, columns: ["status": batch.status.rawValue])
    }

    /// The product's batches in `status`.
    func batches(productId: String, status: BatchStatus) throws -> [TrainingBatch] {
        try String.fetchAll(
            db.cachedStatement(sql: "SELECT json FROM batches WHERE product_id = ? AND status = ? ORDER BY id"),
            arguments: [productId, status.rawValue]
        ).map { try StoredJSON.decode(TrainingBatch.self, $0) }
    }
}

/// Enrolments and their attendance.
struct EnrolmentStore {
    let db: Database

    func require(_ id: String, field: String = "enrolmentId") throws -> Enrolment {
        guard let enrolment = try StoredJSON.fetch(Enrolment.self, db, table: "enrolments", id: id) else {
            throw CommandError.notFound("no enrolment \"\(id)\"", field: field)
        }
        return enrolment
    }

    func insert(_ enrolment: Enrolment, startDate: String, endDate: String) throws {
        try StoredJSON.insert(
            db, table: "enrolments", record: enrolment,
            columns: [
                "id": enrolment.enrolmentId, "application_id": enrolment.applicationId, "artisan_id": enrolment.artisanId,
                "batch_id": enrolment.batchId, "status": enrolment.status.rawValue, "start_date": startDate, "end_date": endDate,
            ])
    }

    func update(_ enrolment: Enrolment) throws {
        try StoredJSON.update(
            db, table: "enrolments", id: enrolment.enrolmentId, record: enrolment, columns: ["status": enrolment.status.rawValue])
    }

    /// The artisan's enrolments (not dropped) whose batch dates overlap `start...end`.
    func overlapping(artisanId: String, start: String, end: String) throws -> [Enrolment] {
        try String.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT json FROM enrolments WHERE artisan_id = ? AND status != 'dropped' AND start_date <= ? AND end_date >= ?
                    """), arguments: [artisanId, end, start]
        ).map { try StoredJSON.decode(Enrolment.self, $0) }
    }

    func inBatch(_ batchId: String) throws -> [Enrolment] {
        try String.fetchAll(
            db.cachedStatement(sql: "SELECT json FROM enrolments WHERE batch_id = ? ORDER BY id"),
            arguments: [batchId]
        ).map { try StoredJSON.decode(Enrolment.self, $0) }
    }

    func forApplication(_ applicationId: String) throws -> [Enrolment] {
        try String.fetchAll(
            db.cachedStatement(sql: "SELECT json FROM enrolments WHERE application_id = ? ORDER BY id"),
            arguments: [applicationId]
        ).map { try StoredJSON.decode(Enrolment.self, $0) }
    }

    /// Replaces one day's attendance of the batch's enrolments.
    func record(day: String, present: Set<String>, of enrolments: [Enrolment]) throws {
        for enrolment in enrolments {
            if present.contains(enrolment.enrolmentId) {
                try db.cachedStatement(sql: "INSERT INTO attendance (enrolment_id, day) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .execute(arguments: [enrolment.enrolmentId, day])
            } else {
                try db.cachedStatement(sql: "DELETE FROM attendance WHERE enrolment_id = ? AND day = ?")
                    .execute(arguments: [enrolment.enrolmentId, day])
            }
        }
    }

    func attendedDays(_ enrolmentId: String) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM attendance WHERE enrolment_id = ?"), arguments: [enrolmentId]) ?? 0
    }
}

/// Toolkits.
struct ToolkitStore {
    let db: Database

    func require(_ id: String, field: String = "toolkitId") throws -> Toolkit {
        guard let toolkit = try StoredJSON.fetch(Toolkit.self, db, table: "toolkits", id: id) else {
            throw CommandError.notFound("no toolkit \"\(id)\"", field: field)
        }
        return toolkit
    }

    func insert(_ toolkit: Toolkit, familyHash: String) throws {
        try StoredJSON.insert(
            db, table: "toolkits", record: toolkit,
            columns: [
                "id": toolkit.toolkitId, "application_id": toolkit.applicationId, "artisan_id": toolkit.artisanId,
                "family_hash": familyHash, "scheme_id": toolkit.schemeId, "issued_on": toolkit.issuedOn,
            ])
    }

    func update(_ toolkit: Toolkit) throws {
        try StoredJSON.update(db, table: "toolkits", id: toolkit.toolkitId, record: toolkit, columns: [:])
    }

    func exists(artisanId: String, schemeId: String) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM toolkits WHERE artisan_id = ? AND scheme_id = ?)"),
            arguments: [artisanId, schemeId]) ?? false
    }

    /// Whether the artisan (or, with `familyHash`, anyone of the family) got a toolkit under one
    /// of `schemes` on or after `since`.
    func issuedSince(_ since: String, schemes: [String], artisanId: String, familyHash: String?) throws -> Bool {
        for scheme in schemes {
            if try Bool.fetchOne(
                db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM toolkits WHERE artisan_id = ? AND scheme_id = ? AND issued_on >= ?)"),
                arguments: [artisanId, scheme, since]) == true
            {
                return true
            }
            if let familyHash,
                try Bool.fetchOne(
                    db.cachedStatement(
                        sql: "SELECT EXISTS (SELECT 1 FROM toolkits WHERE family_hash = ? AND scheme_id = ? AND issued_on >= ?)"),
                    arguments: [familyHash, scheme, since]) == true
            {
                return true
            }
        }
        return false
    }
}

/// Stipends.
struct StipendStore {
    let db: Database

    func require(_ id: String, field: String = "stipendId") throws -> Stipend {
        guard let stipend = try StoredJSON.fetch(Stipend.self, db, table: "stipends", id: id) else {
            throw CommandError.notFound("no stipend \"\(id)\"", field: field)
        }
        return stipend
    }

    func insert(_ stipend: Stipend) throws {
        try StoredJSON.insert(
            db, table: "stipends", record: stipend,
            columns: [
                "id": stipend.stipendId, "enrolment_id": stipend.enrolmentId, "artisan_id": stipend.artisanId,
                "scheme_id": stipend.schemeId, "status": stipend.status.rawValue,
            ])
    }

    func update(_ stipend: Stipend) throws {
        try StoredJSON.update(db, table: "stipends", id: stipend.stipendId, record: stipend, columns: ["status": stipend.status.rawValue])
    }
}
