import Foundation
import ODOPMessages
import ODOPReference

/// The one rule by which every service reads a free-text command argument ("trimmed, non-empty,
/// at most N characters"), with one wording for its refusals, each `invalid_argument` naming the
/// field:
/// - `field 'note' must not be empty`
/// - `field 'name' is 214 characters; at most 200 are allowed`
/// - `field 'name' must not contain control characters`
///
/// Lengths count characters (grapheme clusters) after trimming.
public enum TextArguments {
    /// `raw` without white space at its ends; refused when that leaves nothing or more than
    /// `maximum` characters. Inner white space (paragraphs of a note) is kept.
    public static func required(_ raw: String, field: String, maximum: Int) throws(CommandError) -> String {
        let text = TextFolding.trimmingWhitespace(raw)
        guard !text.isEmpty else { throw .invalidArgument("field '\(field)' must not be empty", field: field) }
        try limit(text, field: field, maximum: maximum)
        return text
    }

    /// `raw` trimmed as `required` trims it, `nil` when that leaves nothing (blank means none);
    /// refused when longer than `maximum` characters.
    public static func optional(_ raw: String?, field: String, maximum: Int) throws(CommandError) -> String? {
        guard let raw else { return nil }
        let text = TextFolding.trimmingWhitespace(raw)
        try limit(text, field: field, maximum: maximum)
        return text.isEmpty ? nil : text
    }

    /// A one-line name: every run of white space (newlines included) becomes one space, then as
    /// `required`; control characters are refused.
    public static func name(_ raw: String, field: String, maximum: Int) throws(CommandError) -> String {
        let name = try required(TextFolding.collapsingWhitespace(raw), field: field, maximum: maximum)
        guard !name.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) else {
            throw .invalidArgument("field '\(field)' must not contain control characters", field: field)
        }
        return name
    }

    private static func limit(_ text: String, field: String, maximum: Int) throws(CommandError) {
        guard text.count <= maximum else {
            throw .invalidArgument("field '\(field)' is \(text.count) characters; at most \(maximum) are allowed", field: field)
        }
    }
}
