import ArgumentParser
import Foundation
import ODOPMessages

/// `odopctl catalogue import`: `products.import` with a CSV file.
struct CatalogueImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import the national ODOP list (or part of it) from a CSV file.",
        discussion: """
            Sends the whole file in one products.import, which the catalogue applies in one \
            transaction: new districts and products are registered, changed products updated \
            (version + 1), and spelling variants of a district merged into one. Importing the \
            same file again changes nothing. Prints the import report: rows read, products \
            created, updated and unchanged, districts created and merged, duplicate rows, and \
            every rejected row with its line number (the header is line 1) and why. Rejected \
            rows are not imported; the rest is, and odopctl exits 0 with a warning on stderr.

            The file is CSV in UTF-8 with a header row naming at least the columns State, \
            District, Product and Sector (docs/PROTOCOL.md, products.import); up to 4 MiB by \
            default. A file the catalogue cannot read as the ODOP list is refused whole \
            (invalid_argument, field csv) and nothing is imported.

            The catalogue is asked for its health first (with the usual --timeout), so a \
            catalogue that is down is reported at once; the import itself waits up to 60 \
            seconds for the reply unless --timeout is given. While it waits, a spinner shows \
            on stderr when stderr is a terminal.

            Examples:
              odopctl catalogue import "One District One Product.csv"
              odopctl catalogue import odop-2024.csv --json | jq .rejected
              curl -s https://example.org/odop.csv | odopctl catalogue import -
            """
    )

    @Argument(
        help: ArgumentHelp("The CSV file, or - to read it from stdin.", valueName: "file"),
        completion: .file(extensions: ["csv"]))
    var file: String

    @OptionGroup var global: GlobalOptions

    /// How long the import waits for its reply when --timeout is not given.
    static let importTimeout = Duration.seconds(60)

    func run() throws {
        let (csv, bytes) = try readFile()
        var settings = try global.resolve()
        // A catalogue that is down is reported within the usual timeout, not after a minute.
        _ = try settings.connection(to: .catalogue).call(Health.name)
        if global.timeout == nil { settings.timeout = max(settings.timeout, Self.importTimeout) }
        let connection = try settings.connection(to: .catalogue)
        let name = file == "-" ? "stdin" : URL(fileURLWithPath: file).lastPathComponent
        let spinner = Spinner.start(label: "import \(name) (\(Self.size(bytes))): waiting for catalogue")
        let outcome: (json: JSONValue, value: ProductsImport.Result)
        do {
            outcome = try connection.callKeepingJSON(ProductsImport.self, .init(csv: csv))
        } catch {
            spinner?.stop()
            throw error
        }
        spinner?.stop()
        if global.json {
            StandardStream.output.writeLine(JSONText.compact(outcome.json))
        } else {
            StandardStream.output.write(ImportReportView.text(outcome.value))
        }
        let rejected = outcome.value.rejected.count
        if rejected > 0 {
            StandardStream.error.writeLine(
                "warning: \(rejected) row(s) of \(name) were rejected and not imported" + (global.json ? "" : " (listed above)"))
        }
    }

    /// The file's text and size; an unreadable file is a usage error.
    private func readFile() throws(OdopctlFailure) -> (String, Int) {
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue,
                let contents = FileManager.default.contents(atPath: file)
            else {
                throw .usage("cannot read the file \(file)", help: "catalogue import")
            }
            data = contents
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .usage("\(file == "-" ? "stdin" : file) is not UTF-8 text; save the list as CSV in UTF-8", help: "catalogue import")
        }
        guard !text.isEmpty else { throw .usage("\(file == "-" ? "stdin" : file) is empty", help: "catalogue import") }
        return (text, data.count)
    }

    /// `711 KiB`.
    static func size(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) bytes" }
        if bytes < 1024 * 1024 { return "\(bytes / 1024) KiB" }
        return NumberText.amount(Double(bytes) / 1_048_576, fractionDigits: 1) + " MiB"
    }
}
