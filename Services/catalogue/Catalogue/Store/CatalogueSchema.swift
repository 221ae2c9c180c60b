import GRDB
import ODOPReference
import ODOPRuntime

/// The catalogue's tables. Identifiers are permanent: add migrations, never edit these.
///
/// - `districts`: one row per district; `name_key` is the case-folded name.
/// - `district_names`: every spelling a district is known by (its name and aliases), by state,
///   so that a product registered under `Belagavi (Belgaum)` lands in `Belagavi`.
/// - `products`: one row per product; `(district_id, name_key)` is the natural key that makes
///   imports idempotent and duplicates a `conflict`.
enum CatalogueSchema {
    static let migrations: [ServiceMigration] = [
        ServiceMigration("catalogue-v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE districts (
                        id TEXT PRIMARY KEY,
                        state_code TEXT NOT NULL,
                        name TEXT NOT NULL,
                        name_key TEXT NOT NULL,
                        lgd_code INTEGER,
                        aliases TEXT NOT NULL DEFAULT '[]',
                        created_at TEXT NOT NULL,
                        UNIQUE (state_code, name_key)
                    );
                    CREATE TABLE district_names (
                        state_code TEXT NOT NULL,
                        name_key TEXT NOT NULL,
                        district_id TEXT NOT NULL REFERENCES districts(id),
                        PRIMARY KEY (state_code, name_key)
                    );
                    CREATE TABLE products (
                        id TEXT PRIMARY KEY,
                        version INTEGER NOT NULL,
                        state_code TEXT NOT NULL,
                        district_id TEXT NOT NULL REFERENCES districts(id),
                        name TEXT NOT NULL,
                        name_key TEXT NOT NULL,
                        sector TEXT NOT NULL,
                        category TEXT,
                        description TEXT,
                        gi_status INTEGER NOT NULL,
                        gi_name TEXT,
                        gi_goods TEXT,
                        ministry TEXT,
                        status TEXT NOT NULL,
                        retired_reason TEXT,
                        created_at TEXT NOT NULL,
                        updated_at TEXT NOT NULL,
                        UNIQUE (district_id, name_key)
                    );
                    CREATE INDEX products_state ON products(state_code, status);
                    CREATE INDEX products_sector ON products(sector, status);
                    """)
        },
        // The states' names, so that lists sort by state name (codes do not sort alike: CG
        // Chhattisgarh comes before CH Chandigarh). A change to the built-in list is a new migration.
        ServiceMigration("catalogue-v2-state-names") { db in
            try db.execute(sql: "CREATE TABLE state_names (code TEXT PRIMARY KEY, name TEXT NOT NULL)")
            for state in StateDirectory.all {
                try db.execute(sql: "INSERT INTO state_names (code, name) VALUES (?, ?)", arguments: [state.code, state.name])
            }
        },
    ]
}
