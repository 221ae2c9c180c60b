import ODOPCatalogueCopy
import ODOPMessages
import ODOPReference
import ODOPRuntime

/// Registers an artisan from `artisan.register` arguments (also one row of
/// `applications.import`): validates every field, hashes the identity numbers, refuses a
/// duplicate Aadhaar number, and stores the artisan with their consent.
enum ArtisanRegistration {
    static func register(_ args: ArtisanRegister.Arguments, _ work: TrainingWork) throws -> ArtisanStore.Stored {
        let name = try PersonalFields.name(args.name)
        let gender = try PersonalFields.gender(args.gender)
        let birth = try PersonalFields.dateOfBirth(args.dateOfBirth, today: work.today)
        let mobile = try PersonalFields.mobile(args.mobile)
        let aadhaar = try AadhaarNumber(parsing: args.aadhaar)
        let family = try PersonalFields.text(args.familyReference, field: "familyReference")
        let state = try PlaceArguments.state(args.state)
        let catalogue = CatalogueCopyReader(work.db)
        let district = try catalogue.districts(argument: args.district, in: state)[0]
        let trade = try PersonalFields.trade(args.trade)
        var productId: String?
        if let given = args.productId {
            let product = try activeProduct(given, in: district.id, catalogue, field: "productId")
            productId = product.id
        }
        let bank = try args.bank.map { try PersonalFields.bank($0) }
        let purpose = try PersonalFields.text(args.consentPurpose, field: "consentPurpose", maximum: 200)

        let identityHash = work.context.identityKey.token(for: aadhaar)
        let store = try ArtisanStore(db: work.db)
        guard try store.artisanId(identityHash: identityHash) == nil else {
            throw CommandError.conflict("an artisan with this Aadhaar number is already registered", field: "aadhaar")
        }
        let artisan = ArtisanStore.Stored(
            id: RecordId.make("art"), version: 1, identityHash: identityHash, aadhaarLast4: aadhaar.lastFour,
            familyHash: work.context.identityKey.token(forFamily: family), state: state.name, stateCode: state.code,
            district: district.name, districtId: district.id, trade: trade, productId: productId, erasedAt: nil,
            createdAt: work.now, updatedAt: work.now,
            personal: .init(name: name, gender: gender, dateOfBirth: birth.description, mobile: mobile, familyReference: family, bank: bank)
        )
        try store.insert(artisan, consentPurpose: purpose)
        return artisan
    }

    /// The product, known, active and in `districtId`; otherwise `invalid_argument` (unknown,
    /// elsewhere) or `conflict` (retired) naming `field`.
    static func activeProduct(_ id: String, in districtId: String?, _ catalogue: CatalogueCopyReader, field: String) throws
        -> CatalogueProduct
    {
        guard let product = try catalogue.product(id: id) else {
            throw CommandError.invalidArgument("field '\(field)' is not a catalogue product: \"\(id.prefix(60))\"", field: field)
        }
        guard product.isActive else {
            throw CommandError.conflict("ODOP product \(product.id) (\(product.name)) is retired", field: field)
        }
        if let districtId, product.districtId != districtId {
            throw CommandError.invalidArgument(
                "ODOP product \(product.id) is of \(product.district), not the artisan's district", field: field)
        }
        return product
    }
}
