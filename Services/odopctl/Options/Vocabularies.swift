import ArgumentParser
import ODOPMessages

// The services' closed vocabularies as command-line values: argument-parser checks them, lists
// them in --help and offers them to shell completion.

extension ProductStatus: ExpressibleByArgument {}
extension PlanStatus: ExpressibleByArgument {}
extension InterventionStatus: ExpressibleByArgument {}
extension ExportsGrouping: ExpressibleByArgument {}

/// The catalogue's vocabularies odopctl offers to shell completion. The catalogue checks the
/// values (and accepts other spellings); these lists only help typing.
enum CatalogueVocabulary {
    /// The sector taxonomy (docs/PROTOCOL.md, "Names and vocabularies").
    static let sectors = [
        "agriculture", "dairy", "food processing", "handicraft", "handloom", "manufacturing", "marine", "textile",
        "others",
    ]
    static let categories = ["primary", "secondary", "tertiary", "others"]
}

extension TrainingKind: ExpressibleByArgument {}
extension ApplicationStatus: ExpressibleByArgument {}
extension BatchStatus: ExpressibleByArgument {}
extension StipendStatus: ExpressibleByArgument {}
extension PaymentOutcome: ExpressibleByArgument {}
extension FunnelGrouping: ExpressibleByArgument {}
