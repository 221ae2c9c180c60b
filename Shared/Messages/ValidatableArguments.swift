import Foundation

/// Arguments with rules beyond their JSON shape (ranges, non-empty strings).
///
/// `CommandSchema.decodeArguments` calls `validate()` after decoding, so a server that decodes
/// through the schema never sees invalid arguments. `validate()` throws `invalid_argument`
/// naming the field.
public protocol ValidatableArguments {
    func validate() throws(CommandError)
}
