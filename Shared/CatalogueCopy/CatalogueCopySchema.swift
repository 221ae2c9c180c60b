import GRDB
import ODOPRuntime

/// The copy's tables, in the follower's database (named `catalogue_copy_*`, so that they meet no
/// service table):
/// - `catalogue_copy_districts`: each district with its aliases (JSON array);
/// - `catalogue_copy_district_names`: every spelling (name and aliases) folded as the catalogue
///   folds them, per state, to resolve a district argument as the catalogue would;
/// - `catalogue_copy_products`: each product's latest known state.
enum CatalogueCopySchema {
    static let districts = "catalogue_copy_districts"
    static let districtNames = "catalogue_copy_district_names"
    static let products = "catalogue_copy_products"

    static let migrations: [ServiceMigration] = [
        ServiceMigration("catalogue-copy-v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE \(districts) (
                        id TEXT PRIMARY KEY,
                        state TEXT NOT NULL,
                        state_code TEXT NOT NULL,
                        name TEXT NOT NULL,
                        aliases TEXT NOT NULL DEFAULT '[]'
                    );
                    CREATE TABLE \(districtNames) (
                        state_code TEXT NOT NULL,
                        name_key TEXT NOT NULL,
                        district_id TEXT NOT NULL,
                        PRIMARY KEY (state_code, name_key)
                    );
                    CREATE TABLE \(products) (
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
                    CREATE INDEX \(products)_district ON \(products)(district_id, status);
                    CREATE INDEX \(products)_state ON \(products)(state_code, status);
                    """)
        }
    ]
}
