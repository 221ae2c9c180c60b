import Foundation
import GRDB
import ODOPCatalogueCopy
import ODOPMessages
import ODOPRuntime

/// The exports service's tables, beside the runtime's.
///
/// - What the service knows of the catalogue is the shared copy's (`catalogue_copy_*`, see
///   `CatalogueCopy`); `exports-v2` moved the first release's own `districts` and `products`
///   there. Figures validate product ids against it; reports take sectors and active products
///   from it.
/// - `plans`: one row per plan; `document` is the whole `ExportPlan` as JSON, the other columns
///   are copies for queries. At most one open (not archived) plan per district.
/// - `plan_products`: which products each plan lists (a copy of `document.products`), to find a
///   product's plans.
/// - `export_figures`: every revision of every figure; `is_current` marks the latest per
///   product and year.
enum ExportsSchema {
    static let migrations: [ServiceMigration] = [
        ServiceMigration("exports-v1") { db in
            try db.execute(
                sql: """
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
        ServiceMigration("exports-v2-catalogue-copy") { db in
            let districts = try Row.fetchAll(db, sql: "SELECT * FROM districts").map { row in
                CatalogueDistrict(
                    id: row["id"], state: row["state"], stateCode: row["state_code"], name: row["name"],
                    aliases: (try? JSONDecoder().decode([String].self, from: Data((row["aliases"] as String).utf8))) ?? [])
            }
            let products = try Row.fetchAll(db, sql: "SELECT * FROM products").map { row in
                (
                    CatalogueProduct(
                        id: row["id"], version: row["version"], name: row["name"], state: row["state"], stateCode: row["state_code"],
                        district: row["district"], districtId: row["district_id"], sector: row["sector"],
                        status: ProductStatus(rawValue: row["status"]) ?? .active), updatedAt: row["updated_at"] as String
                )
            }
            try CatalogueCopy.adopt(districts: districts, products: products, db: db)
            try db.execute(sql: "DROP TABLE products; DROP TABLE districts;")
        },
    ]
}
