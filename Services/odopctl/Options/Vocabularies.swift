import ArgumentParser
import ODOPMessages
import ODOPReference

// The services' closed vocabularies as command-line values: argument-parser checks them, lists
// them in --help and offers them to shell completion.

extension ProductStatus: ExpressibleByArgument {}
extension PlanStatus: ExpressibleByArgument {}
extension InterventionStatus: ExpressibleByArgument {}
extension ExportsGrouping: ExpressibleByArgument {}

/// The reference vocabularies (ODOPReference: the same tables the services read their arguments
/// with) as odopctl offers them in --help and to shell completion. odopctl passes the values on
/// as typed: the services accept every spelling the tables know (`Tamilnadu`, `IN-TN`,
/// `Handicrafts`) and refuse the rest with `invalid_argument` naming the field.
enum ReferenceVocabulary {
    /// The sector taxonomy's stored values.
    static let sectors = Sector.allCases.map(\.rawValue)
    /// The product categories' stored values.
    static let categories = ProductCategory.allCases.map(\.rawValue)
    /// Every state's and union territory's LGD name and ISO code, for completion.
    static let states = StateDirectory.all.map(\.name) + StateDirectory.all.map(\.code)

    /// Help for a `--state` option: `lead`, then what a state may be given as.
    static func stateHelp(_ lead: String) -> ArgumentHelp {
        ArgumentHelp(
            "\(lead): its name, an alias (Tamilnadu, Orissa) or its code (TN, IN-TN), in any case.", valueName: "state")
    }

    /// Help for a `--sector` option: `lead`, then the sectors.
    static func sectorHelp(_ lead: String) -> ArgumentHelp {
        ArgumentHelp("\(lead): \(listing(sectors)).", valueName: "sector")
    }

    /// Help for a `--category` option: `lead`, then the categories.
    static func categoryHelp(_ lead: String) -> ArgumentHelp {
        ArgumentHelp("\(lead): \(listing(categories)).", valueName: "category")
    }

    /// `a, b or c`.
    static func listing(_ values: [String]) -> String {
        guard let last = values.last, values.count > 1 else { return values.joined() }
        return values.dropLast().joined(separator: ", ") + " or " + last
    }
}

extension TrainingKind: ExpressibleByArgument {}
extension ApplicationStatus: ExpressibleByArgument {}
extension BatchStatus: ExpressibleByArgument {}
extension StipendStatus: ExpressibleByArgument {}
extension PaymentOutcome: ExpressibleByArgument {}
extension FunnelGrouping: ExpressibleByArgument {}
