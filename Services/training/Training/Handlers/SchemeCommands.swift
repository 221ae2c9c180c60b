import ODOPMessages
import ODOPRuntime

/// `scheme.list`, `scheme.get`, `scheme.define`, `scheme.update`. A change adds a version; the
/// versions before stay, for the applications made under them.
enum SchemeCommands {
    static func register(in registry: inout CommandRegistry, _ context: TrainingContext) {
        registry.read(SchemeList.self) { _, read in
            SchemeList.Result(items: try SchemeStore(db: read.db).current())
        }

        registry.read(SchemeGet.self) { args, read in
            try SchemeStore(db: read.db).require(args.schemeId, version: args.version)
        }

        registry.change(SchemeDefine.self, context) { args, work in
            let id = try SchemeRules.schemeId(args.schemeId)
            let store = SchemeStore(db: work.db)
            guard try store.scheme(id) == nil else {
                throw CommandError.conflict("scheme \(id) exists; change it with scheme.update", field: "schemeId")
            }
            let scheme = TrainingScheme(
                schemeId: id, version: 1, parameters: try SchemeRules.normalized(args.parameters), createdAt: work.now)
            try store.insert(scheme)
            return scheme
        }

        registry.change(SchemeUpdate.self, context) { args, work in
            let store = SchemeStore(db: work.db)
            let current = try store.require(args.schemeId)
            guard current.version == args.expectedVersion else {
                throw CommandError.conflict(
                    "scheme \(current.schemeId) is at version \(current.version), not \(args.expectedVersion)", field: "expectedVersion")
            }
            let parameters = try SchemeRules.normalized(args.parameters)
            guard parameters != current.parameters else { return current }
            let scheme = TrainingScheme(
                schemeId: current.schemeId, version: current.version + 1, parameters: parameters, createdAt: work.now)
            try store.insert(scheme)
            return scheme
        }
    }
}
