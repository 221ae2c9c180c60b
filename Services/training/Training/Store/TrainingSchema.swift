import Foundation
import GRDB
import ODOPMessages
import ODOPRuntime

/// The training service's tables (beside the runtime's `odop_*` ones).
///
/// Records that hold no personal data (applications, batches, enrolments, certificates,
/// toolkits, stipends) are stored as their wire JSON with the columns their lookups and indexes
/// need. An artisan's personal data lives only in `artisan_personal` (one row, deleted by
/// `artisan.erase`); `artisans` keeps the keyed identity and family hashes, the last 4 Aadhaar
/// digits and the places. Reports read aggregates (`funnel_counts`, `stipend_totals`,
/// `district_completions`) kept up to date in the transactions that change what they count.
enum TrainingSchema {
    static var migrations: [ServiceMigration] {
        [
            ServiceMigration("training-1-tables", migrate: createTables),
            ServiceMigration("training-2-built-in-schemes", migrate: seedSchemes),
        ]
    }

    static func createTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE schemes (
                    scheme_id TEXT NOT NULL, version INTEGER NOT NULL, json TEXT NOT NULL,
                    PRIMARY KEY (scheme_id, version));
                CREATE TABLE scheme_heads (scheme_id TEXT PRIMARY KEY, version INTEGER NOT NULL);


                CREATE TABLE artisans (
                    id TEXT PRIMARY KEY, version INTEGER NOT NULL, identity_hash TEXT NOT NULL UNIQUE,
                    aadhaar_last4 TEXT NOT NULL, family_hash TEXT NOT NULL, state TEXT NOT NULL, state_code TEXT NOT NULL,
                    district TEXT NOT NULL, district_id TEXT NOT NULL, trade TEXT NOT NULL, product_id TEXT,
                    erased_at TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
                CREATE INDEX artisans_by_place ON artisans (state_code, district_id, id);
                CREATE INDEX artisans_by_family ON artisans (family_hash);
                CREATE TABLE artisan_personal (
                    artisan_id TEXT PRIMARY KEY, name TEXT NOT NULL, gender TEXT NOT NULL, date_of_birth TEXT NOT NULL,
                    mobile TEXT NOT NULL, family_reference TEXT NOT NULL, bank_account TEXT, bank_ifsc TEXT);
                CREATE TABLE consents (
                    artisan_id TEXT NOT NULL, purpose TEXT NOT NULL, given_at TEXT NOT NULL, withdrawn_at TEXT,
                    PRIMARY KEY (artisan_id, purpose));

                CREATE TABLE applications (
                    id TEXT PRIMARY KEY, json TEXT NOT NULL, artisan_id TEXT NOT NULL, scheme_id TEXT NOT NULL,
                    status TEXT NOT NULL, family_hash TEXT NOT NULL, state_code TEXT NOT NULL, district_id TEXT NOT NULL,
                    pending_stage TEXT, waiting_since TEXT);
                CREATE INDEX applications_by_artisan ON applications (artisan_id, scheme_id);
                CREATE INDEX applications_by_family ON applications (scheme_id, family_hash);
                CREATE INDEX applications_by_scheme ON applications (scheme_id, status, id);
                CREATE INDEX applications_by_state ON applications (state_code, id);
                CREATE INDEX applications_by_district ON applications (district_id, id);

                CREATE TABLE batches (
                    id TEXT PRIMARY KEY, json TEXT NOT NULL, scheme_id TEXT NOT NULL, district_id TEXT NOT NULL,
                    product_id TEXT, status TEXT NOT NULL);
                CREATE INDEX batches_by_product ON batches (product_id, status);
                CREATE INDEX batches_by_scheme ON batches (scheme_id, id);
                CREATE INDEX batches_by_district ON batches (district_id, id);

                CREATE TABLE enrolments (
                    id TEXT PRIMARY KEY, json TEXT NOT NULL, application_id TEXT NOT NULL, artisan_id TEXT NOT NULL,
                    batch_id TEXT NOT NULL, status TEXT NOT NULL, start_date TEXT NOT NULL, end_date TEXT NOT NULL);
                CREATE INDEX enrolments_by_artisan ON enrolments (artisan_id);
                CREATE INDEX enrolments_by_batch ON enrolments (batch_id);
                CREATE INDEX enrolments_by_application ON enrolments (application_id);
                CREATE TABLE attendance (enrolment_id TEXT NOT NULL, day TEXT NOT NULL, PRIMARY KEY (enrolment_id, day))
                    WITHOUT ROWID;

                CREATE TABLE certificates (
                    number TEXT PRIMARY KEY, json TEXT NOT NULL, enrolment_id TEXT NOT NULL UNIQUE);

                CREATE TABLE toolkits (
                    id TEXT PRIMARY KEY, json TEXT NOT NULL, application_id TEXT NOT NULL, artisan_id TEXT NOT NULL,
                    family_hash TEXT NOT NULL, scheme_id TEXT NOT NULL, issued_on TEXT NOT NULL,
                    UNIQUE (artisan_id, scheme_id));
                CREATE INDEX toolkits_by_family ON toolkits (family_hash, scheme_id, issued_on);

                CREATE TABLE stipends (
                    id TEXT PRIMARY KEY, json TEXT NOT NULL, enrolment_id TEXT NOT NULL UNIQUE, artisan_id TEXT NOT NULL,
                    scheme_id TEXT NOT NULL, status TEXT NOT NULL);
                CREATE INDEX stipends_by_scheme ON stipends (scheme_id, status, id);
                CREATE INDEX stipends_by_status ON stipends (status, id);
                CREATE TABLE payment_batches (id TEXT PRIMARY KEY, created_on TEXT NOT NULL);
                CREATE TABLE payment_items (
                    payment_batch_id TEXT NOT NULL, stipend_id TEXT NOT NULL, amount INTEGER NOT NULL,
                    account_last4 TEXT NOT NULL, outcome TEXT, reference TEXT, reason TEXT,
                    PRIMARY KEY (payment_batch_id, stipend_id));

                CREATE TABLE funnel_counts (
                    scheme_id TEXT NOT NULL, district_id TEXT NOT NULL, product_key TEXT NOT NULL,
                    state_code TEXT NOT NULL, state TEXT NOT NULL, district TEXT NOT NULL, product_label TEXT NOT NULL,
                    sector TEXT NOT NULL,
                    applied INTEGER NOT NULL DEFAULT 0, verified INTEGER NOT NULL DEFAULT 0, selected INTEGER NOT NULL DEFAULT 0,
                    enrolled INTEGER NOT NULL DEFAULT 0, completed INTEGER NOT NULL DEFAULT 0, certified INTEGER NOT NULL DEFAULT 0,
                    toolkits INTEGER NOT NULL DEFAULT 0, stipend_paid_rupees INTEGER NOT NULL DEFAULT 0,
                    PRIMARY KEY (scheme_id, district_id, product_key));
                CREATE TABLE stipend_totals (
                    scheme_id TEXT NOT NULL, status TEXT NOT NULL, count INTEGER NOT NULL, rupees INTEGER NOT NULL,
                    PRIMARY KEY (scheme_id, status));
                CREATE TABLE district_completions (district_id TEXT PRIMARY KEY, last_completed_on TEXT NOT NULL);
                CREATE TABLE waiting_counts (
                    scheme_id TEXT NOT NULL, stage TEXT NOT NULL, since TEXT NOT NULL, count INTEGER NOT NULL,
                    PRIMARY KEY (scheme_id, stage, since)) WITHOUT ROWID;
                """)
    }

    static func seedSchemes(_ db: Database) throws {
        let created = RFC3339.string(from: Date())
        for (id, parameters) in BuiltInSchemes.all {
            let scheme = TrainingScheme(schemeId: id, version: 1, parameters: parameters, createdAt: created)
            try SchemeStore(db: db).insert(scheme)
        }
    }
}
