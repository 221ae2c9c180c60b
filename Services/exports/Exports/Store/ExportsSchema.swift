import GRDB
import ODOPRuntime

/// The exports service's tables, beside the runtime's.
///
/// - `districts`, `products`: what the service knows of the catalogue, from its events (the
///   service never reads the catalogue's database). Figures validate product ids against
///   `products`; reports take sectors and active products from it.
/// - `plans`: one row per plan; `document` is the whole `ExportPlan` as JSON, the other columns
///   are copies for queries. At most one open (not archived) plan per district.
/// - `plan_products`: which products each plan lists (a copy of `document.products`), to find a
///   product's plans.
/// - `export_figures`: every revision of every figure; `is_current` marks the latest per
///   product and year.
enum ExportsSchema {
    static let migrations: [ServiceMigration] = [
        ServiceMigration("exports-v1") { db in
            try db.execute(sql: """
                CREATE TABLE districts (
                    id TEXT PRIMARY KEY,
                    state TEXT NOT NULL,
                    state_code TEXT NOT NULL,
                    name TEXT NOT NULL,
                    aliases TEXT NOT NULL DEFAULT '[]'
                );
                CREATE TABLE products (
                    id TEXT PRIMARY KEY,
                    version INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    state TEXT NOT NULL,
                    state_code TEXT NOT NULL,
                    district TEXT NOT NULL,
                    district_id TEXT NOT NULL,
                    sector TEXT NOT NULL,
                    status TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                );
                CREATE INDEX products_district ON products(district_id, status);
                CREATE TABLE plans (
                    id TEXT PRIMARY KEY,
                    district_id TEXT NOT NULL,
                    number INTEGER NOT NULL,
                    state TEXT NOT NULL,
                    state_code TEXT NOT NULL,
                    district TEXT NOT NULL,
                    status TEXT NOT NULL,
                    next_intervention INTEGER NOT NULL DEFAULT 1,
                    document BLOB NOT NULL
                );
                CREATE UNIQUE INDEX plans_district_number ON plans(district_id, number);
                CREATE UNIQUE INDEX plans_open_per_district ON plans(district_id) WHERE status <> 'archived';
                CREATE INDEX plans_state ON plans(state_code, status);
                CREATE TABLE plan_products (
                    plan_id TEXT NOT NULL REFERENCES plans(id),
                    product_id TEXT NOT NULL,
                    PRIMARY KEY (plan_id, product_id)
                );
                CREATE INDEX plan_products_product ON plan_products(product_id);
                CREATE TABLE export_figures (
                    product_id TEXT NOT NULL,
                    financial_year TEXT NOT NULL,
                    revision INTEGER NOT NULL,
                    is_current INTEGER NOT NULL,
                    value_inr_crore REAL NOT NULL,
                    source TEXT NOT NULL,
                    state_code TEXT NOT NULL,
                    district_id TEXT NOT NULL,
                    document BLOB NOT NULL,
                    PRIMARY KEY (product_id, financial_year, revision)
                );
                CREATE INDEX export_figures_current ON export_figures(is_current, state_code, district_id);
                """)
        },
    ]
}
