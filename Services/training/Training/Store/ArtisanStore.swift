import GRDB
import ODOPMessages

/// Artisans: the identity row (`artisans`: keyed hashes, last 4 Aadhaar digits, places) and the
/// personal row (`artisan_personal`), which `erase` deletes for good.
///
/// Every transaction that touches personal data first turns on `PRAGMA secure_delete`, so that
/// SQLite overwrites deleted or replaced personal data with zeros instead of leaving it in free
/// space; `erase` also checkpoints the write-ahead log (TRUNCATE) after its commit, so no copy of
/// the erased pages stays in `-wal`.
struct ArtisanStore {
    let db: Database

    init(db: Database) throws {
        self.db = db
        try db.execute(sql: "PRAGMA secure_delete = ON")
    }

    struct Personal: Equatable {
        var name: String
        var gender: String
        var dateOfBirth: String
        var mobile: String
        var familyReference: String
        var bank: BankDetails?
    }

    struct Stored: Equatable {
        var id: String
        var version: Int
        var identityHash: String
        var aadhaarLast4: String
        var familyHash: String
        var state: String
        var stateCode: String
        var district: String
        var districtId: String
        var trade: String
        var productId: String?
        var erasedAt: String?
        var createdAt: String
        var updatedAt: String
        var personal: Personal?
    }

    func artisan(_ id: String) throws -> Stored? {
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT a.*, p.name, p.gender, p.date_of_birth, p.mobile, p.family_reference, p.bank_account, p.bank_ifsc
                        FROM artisans a LEFT JOIN artisan_personal p ON p.artisan_id = a.id WHERE a.id = ?
                        """), arguments: [id])
        else { return nil }
        var personal: Personal?
        if let name: String = row["name"] {
            let account: String? = row["bank_account"]
            let ifsc: String? = row["bank_ifsc"]
            personal = Personal(
                name: name, gender: row["gender"], dateOfBirth: row["date_of_birth"], mobile: row["mobile"],
                familyReference: row["family_reference"],
                bank: account.flatMap { a in ifsc.map { BankDetails(accountNumber: a, ifsc: $0) } })
        }
        return Stored(
            id: row["id"], version: row["version"], identityHash: row["identity_hash"], aadhaarLast4: row["aadhaar_last4"],
            familyHash: row["family_hash"], state: row["state"], stateCode: row["state_code"], district: row["district"],
            districtId: row["district_id"], trade: row["trade"], productId: row["product_id"], erasedAt: row["erased_at"],
            createdAt: row["created_at"], updatedAt: row["updated_at"], personal: personal)
    }

    /// The artisan, or `not_found` naming `field`.
    func require(_ id: String, field: String = "artisanId") throws -> Stored {
        guard let artisan = try artisan(id) else { throw CommandError.notFound("no artisan \"\(id)\"", field: field) }
        return artisan
    }

    /// The artisan already registered with this identity hash, if any (erased ones included).
    func artisanId(identityHash: String) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT id FROM artisans WHERE identity_hash = ?"), arguments: [identityHash])
    }

    func insert(_ artisan: Stored, consentPurpose: String) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO artisans (id, version, identity_hash, aadhaar_last4, family_hash, state, state_code, district,
                    district_id, trade, product_id, erased_at, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)
                """
        ).execute(arguments: [
            artisan.id, artisan.version, artisan.identityHash, artisan.aadhaarLast4, artisan.familyHash,
            artisan.state, artisan.stateCode, artisan.district, artisan.districtId, artisan.trade,
            artisan.productId, artisan.createdAt, artisan.updatedAt,
        ])
        if let personal = artisan.personal { try write(personal, for: artisan.id) }
        try giveConsent(artisan.id, purpose: consentPurpose, at: artisan.createdAt)
    }

    func write(_ personal: Personal, for id: String) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO artisan_personal (artisan_id, name, gender, date_of_birth, mobile, family_reference, bank_account, bank_ifsc)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(artisan_id) DO UPDATE SET name = excluded.name, gender = excluded.gender,
                    date_of_birth = excluded.date_of_birth, mobile = excluded.mobile, family_reference = excluded.family_reference,
                    bank_account = excluded.bank_account, bank_ifsc = excluded.bank_ifsc
                """
        ).execute(arguments: [
            id, personal.name, personal.gender, personal.dateOfBirth, personal.mobile,
            personal.familyReference, personal.bank?.accountNumber, personal.bank?.ifsc,
        ])
    }

    func touch(_ id: String, trade: String? = nil, at time: String) throws {
        try db.execute(
            sql: "UPDATE artisans SET version = version + 1, updated_at = ?, trade = COALESCE(?, trade) WHERE id = ?",
            arguments: [time, trade, id])
    }

    /// Deletes the personal row and marks the artisan erased (the hashes and places stay).
    func erase(_ id: String, at time: String) throws {
        try db.execute(sql: "DELETE FROM artisan_personal WHERE artisan_id = ?", arguments: [id])
        try db.execute(
            sql: "UPDATE artisans SET version = version + 1, erased_at = ?, updated_at = ? WHERE id = ?",
            arguments: [time, time, id])
        db.afterNextTransaction { db in
            // After the commit: copy the zeroed pages into the database file and empty the log.
            // It waits at most 1 s for readers to finish (not the writer's 10 s, which would hold
            // every write); SQLite's own checkpoints complete it later when readers keep it busy.
            _ = try? db.execute(sql: "PRAGMA busy_timeout = 1000")
            _ = try? db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            _ = try? db.execute(sql: "PRAGMA busy_timeout = 10000")
        }
    }

    // MARK: Consent

    func consents(_ id: String) throws -> [ConsentRecord] {
        try Row.fetchAll(
            db.cachedStatement(sql: "SELECT purpose, given_at, withdrawn_at FROM consents WHERE artisan_id = ? ORDER BY given_at, purpose"),
            arguments: [id]
        ).map { ConsentRecord(purpose: $0["purpose"], givenAt: $0["given_at"], withdrawnAt: $0["withdrawn_at"]) }
    }

    func giveConsent(_ id: String, purpose: String, at time: String) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO consents (artisan_id, purpose, given_at, withdrawn_at) VALUES (?, ?, ?, NULL)
                ON CONFLICT(artisan_id, purpose) DO UPDATE SET given_at = excluded.given_at, withdrawn_at = NULL
                """
        ).execute(arguments: [id, purpose, time])
    }

    /// Withdraws the consent; `not_found` naming `purpose` when none was given for it.
    func withdrawConsent(_ id: String, purpose: String, at time: String) throws -> Bool {
        guard
            let withdrawn = try Row.fetchOne(
                db, sql: "SELECT withdrawn_at FROM consents WHERE artisan_id = ? AND purpose = ?",
                arguments: [id, purpose])
        else {
            throw CommandError.notFound("the artisan gave no consent for purpose \"\(purpose)\"", field: "purpose")
        }
        guard (withdrawn["withdrawn_at"] as String?) == nil else { return false }
        try db.execute(sql: "UPDATE consents SET withdrawn_at = ? WHERE artisan_id = ? AND purpose = ?", arguments: [time, id, purpose])
        return true
    }

    func hasActiveConsent(_ id: String) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM consents WHERE artisan_id = ? AND withdrawn_at IS NULL)"),
            arguments: [id]) ?? false
    }

    // MARK: Views

    /// The artisan as a reply shows them: masked unless `masked` is false.
    func view(_ artisan: Stored, masked: Bool) throws -> ArtisanView {
        let p = artisan.personal
        return ArtisanView(
            artisanId: artisan.id, version: artisan.version, masked: masked, erased: artisan.erasedAt != nil,
            name: p.map { masked ? PersonalDataMask.name($0.name) : $0.name },
            gender: p?.gender,
            dateOfBirth: p.map { masked ? PersonalDataMask.dateOfBirth($0.dateOfBirth) : $0.dateOfBirth },
            mobile: p.map { masked ? PersonalDataMask.lastFour($0.mobile) : $0.mobile },
            aadhaar: AadhaarNumber.masked(lastFour: artisan.aadhaarLast4),
            familyReference: p.map { masked ? PersonalDataMask.lastFour($0.familyReference) : $0.familyReference },
            bank: p?.bank.map {
                masked
                    ? BankView(accountNumber: PersonalDataMask.lastFour($0.accountNumber), ifsc: PersonalDataMask.ifsc($0.ifsc))
                    : BankView(accountNumber: $0.accountNumber, ifsc: $0.ifsc)
            },
            state: artisan.state, stateCode: artisan.stateCode, district: artisan.district, districtId: artisan.districtId,
            trade: artisan.trade, productId: artisan.productId, consents: try consents(artisan.id),
            createdAt: artisan.createdAt, updatedAt: artisan.updatedAt)
    }

    func page(stateCode: String?, districtId: String?, after: String?, limit: Int) throws -> TrainingPage<ArtisanView> {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if let stateCode {
            conditions.append("state_code = ?")
            arguments.append(stateCode)
        }
        if let districtId {
            conditions.append("district_id = ?")
            arguments.append(districtId)
        }
        if let after {
            conditions.append("id > ?")
            arguments.append(after)
        }
        arguments.append(limit + 1)
        let clause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let ids = try String.fetchAll(
            db, sql: "SELECT id FROM artisans \(clause) ORDER BY id LIMIT ?", arguments: StatementArguments(arguments))
        let items = try ids.prefix(limit).map { try view(try require($0), masked: true) }
        return TrainingPage(items: items, next: ids.count > limit ? ids[limit - 1] : nil)
    }
}
