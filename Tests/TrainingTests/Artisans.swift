import Foundation
import ODOPMessages
import Training

/// Made-up artisans for tests: valid Aadhaar numbers (Verhoeff), Indian mobiles, bank details.
enum Artisans {
    /// A valid Aadhaar number from a seed: 11 digits starting 2–9, then the Verhoeff check digit.
    static func aadhaar(_ seed: Int) -> String {
        var digits = [2 + seed % 8]
        var value = UInt64(seed) &* 2_654_435_761 &+ 97_531
        for _ in 0..<10 {
            digits.append(Int(value % 10))
            value /= 10
            value = value &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        }
        digits.append(Verhoeff.checkDigit(for: digits))
        return digits.map(String.init).joined()
    }

    static func mobile(_ seed: Int) -> String { "9" + String(format: "%09d", 100_000_000 + seed * 7919 % 899_999_999) }

    static func account(_ seed: Int) -> String { String(format: "%012d", 400_000_000_000 + seed * 104_729) }

    static let names = [
        "Ramesh Kumar", "Sunita Devi", "Abdul Karim", "Meena Prajapati", "Shyam Lal", "Farida Bano", "Gopal Verma", "Kamla Devi",
    ]

    static func registration(
        _ seed: Int, state: String = "Uttar Pradesh", district: String = "Firozabad", trade: String = "glass worker",
        productId: String? = nil, dateOfBirth: String = "1985-06-15", family: String? = nil, name: String? = nil,
        mobile: String? = nil, aadhaar: String? = nil, bank: BankDetails? = nil
    ) -> ArtisanRegister.Arguments {
        ArtisanRegister.Arguments(
            name: name ?? names[seed % names.count], gender: seed % 2 == 0 ? "male" : "female", dateOfBirth: dateOfBirth,
            mobile: mobile ?? self.mobile(seed), aadhaar: aadhaar ?? self.aadhaar(seed),
            familyReference: family ?? "RC-UP-\(100_000 + seed)",
            state: state, district: district, trade: trade, productId: productId,
            bank: bank ?? BankDetails(accountNumber: account(seed), ifsc: "SBIN0001234"),
            consentPurpose: "training and toolkit under ODOP schemes")
    }
}
