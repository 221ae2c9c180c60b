import ODOPCatalogueCopy
import ODOPMessages
import ODOPRuntime

/// `artisan.register`, `.get`, `.list`, `.export`, `.correct`, `.consent.give`,
/// `.consent.withdraw`, `.erase`. Replies of mutating commands are always masked (they are
/// stored for idempotent retries); only `artisan.get` with `reveal` and `artisan.export` show
/// personal data: with CURVE they need the `admin` role, and each such read is written to the
/// audit trail (`artisan.unmasked-read`: who, when, which artisan and the stated purpose; never
/// the data itself).
enum ArtisanCommands {
    static func register(in registry: inout CommandRegistry, _ context: TrainingContext) {
        registry.require(for: ArtisanGet.self) { $0.reveal == true ? .admin : .admitted }
        registry.require(.admin, for: ArtisanExport.self)

        registry.change(ArtisanRegister.self, context) { args, work in
            let artisan = try ArtisanRegistration.register(args, work)
            return try ArtisanStore(db: work.db).view(artisan, masked: true)
        }

        registry.read(ArtisanGet.self) { args, read in
            let store = try ArtisanStore(db: read.db)
            let artisan = try store.require(args.artisanId)
            if args.reveal == true {
                try read.audit(action: "artisan.unmasked-read", subject: artisan.id, details: ["purpose": .string(args.purpose ?? "")])
            }
            return try store.view(artisan, masked: args.reveal != true)
        }

        registry.read(ArtisanList.self) { args, read in
            let state = try PlaceArguments.state(ifGiven: args.state)
            let districtId = try args.district.map { try CatalogueCopyReader(read.db).districts(argument: $0, in: state)[0].id }
            return try ArtisanStore(db: read.db).page(
                stateCode: state?.code, districtId: districtId, after: args.after, limit: args.limit ?? TrainingPaging.defaultLimit)
        }

        registry.read(ArtisanExport.self) { args, read in
            let store = try ArtisanStore(db: read.db)
            let artisan = try store.require(args.artisanId)
            try read.audit(action: "artisan.unmasked-read", subject: artisan.id, details: ["export": true])
            return ArtisanExport.Result(
                artisan: try store.view(artisan, masked: false),
                applications: try ApplicationStore(db: read.db).all(artisanId: artisan.id))
        }

        registry.change(ArtisanCorrect.self, context) { args, work in
            let store = try ArtisanStore(db: work.db)
            let artisan = try store.require(args.artisanId)
            guard artisan.erasedAt == nil, var personal = artisan.personal else {
                throw CommandError.conflict("artisan \(artisan.id) was erased", field: "artisanId")
            }
            if let expected = args.expectedVersion, expected != artisan.version {
                throw CommandError.conflict(
                    "artisan \(artisan.id) is at version \(artisan.version), not \(expected)", field: "expectedVersion")
            }
            guard
                args.name != nil || args.gender != nil || args.dateOfBirth != nil || args.mobile != nil || args.trade != nil
                    || args.bank != nil
            else {
                throw CommandError.invalidArgument(
                    "nothing to correct: give name, gender, dateOfBirth, mobile, trade or bank", field: "name")
            }
            if let name = args.name { personal.name = try PersonalFields.name(name) }
            if let gender = args.gender { personal.gender = try PersonalFields.gender(gender) }
            if let birth = args.dateOfBirth { personal.dateOfBirth = try PersonalFields.dateOfBirth(birth, today: work.today).description }
            if let mobile = args.mobile { personal.mobile = try PersonalFields.mobile(mobile) }
            if let bank = args.bank { personal.bank = try PersonalFields.bank(bank) }
            let trade = try args.trade.map { try PersonalFields.trade($0) }
            guard personal != artisan.personal || (trade != nil && trade != artisan.trade) else {
                return try store.view(artisan, masked: true)
            }
            try store.write(personal, for: artisan.id)
            try store.touch(artisan.id, trade: trade, at: work.now)
            return try store.view(try store.require(artisan.id), masked: true)
        }

        registry.change(ArtisanConsentGive.self, context) { args, work in
            let store = try ArtisanStore(db: work.db)
            let artisan = try store.require(args.artisanId)
            guard artisan.erasedAt == nil else { throw CommandError.conflict("artisan \(artisan.id) was erased", field: "artisanId") }
            let purpose = try PersonalFields.text(args.purpose, field: "purpose", maximum: 200)
            try store.giveConsent(artisan.id, purpose: purpose, at: work.now)
            try store.touch(artisan.id, at: work.now)
            return try store.view(try store.require(artisan.id), masked: true)
        }

        registry.change(ArtisanConsentWithdraw.self, context) { args, work in
            let store = try ArtisanStore(db: work.db)
            let artisan = try store.require(args.artisanId)
            let purpose = try PersonalFields.text(args.purpose, field: "purpose", maximum: 200)
            guard try store.withdrawConsent(artisan.id, purpose: purpose, at: work.now) else {
                return try store.view(artisan, masked: true)
            }
            try store.touch(artisan.id, at: work.now)
            return try store.view(try store.require(artisan.id), masked: true)
        }

        registry.change(ArtisanErase.self, context) { args, work in
            let store = try ArtisanStore(db: work.db)
            let artisan = try store.require(args.artisanId)
            guard artisan.erasedAt == nil else {
                throw CommandError.conflict("artisan \(artisan.id) was already erased on \(artisan.erasedAt!)", field: "artisanId")
            }
            _ = try PersonalFields.text(args.reason, field: "reason", maximum: 500)
            try store.erase(artisan.id, at: work.now)
            try work.audit("artisan.erased", subject: artisan.id, details: ["reason": .string(args.reason), "erasedAt": .string(work.now)])
            work.emit(
                ArtisanErased(
                    artisanId: artisan.id, state: artisan.state, stateCode: artisan.stateCode,
                    district: artisan.district, districtId: artisan.districtId, erasedAt: work.now))
            return ArtisanErase.Result(artisanId: artisan.id, erasedAt: work.now)
        }
    }
}
