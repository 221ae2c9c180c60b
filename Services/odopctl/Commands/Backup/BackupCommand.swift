import ArgumentParser
import Foundation
import ODOPMessages

/// `odopctl backup`: `backup.create` on one service.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy a service's database while it runs (SQLite's online backup).",
        discussion: """
            The service writes the copy on its own host, at --path (absolute, in an existing \
            directory, not an existing file), while it goes on serving. The copy gets a new \
            epoch: a service restored from it tells its subscribers so, and they stall instead \
            of mistaking its new events for ones they applied (see subscriptions resync). To \
            restore, stop the service, put the copy in place of <data-dir>/<service>.sqlite \
            (removing any -wal and -shm files beside it) and start it.

            Examples:
              odopctl backup --service catalogue --path /var/backups/odop/catalogue-2026-12-02.sqlite
            """
    )

    @Option(help: ArgumentHelp("The service to back up.", valueName: "service"))
    var service: ServiceName

    @Option(help: ArgumentHelp("Where the service writes the copy, on its host.", valueName: "path"))
    var path: String

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if !path.hasPrefix("/") { throw ValidationError("--path must be absolute, got \(path)") }
    }

    func run() throws {
        let connection = try global.resolve().connection(to: service)
        let (json, result) = try connection.callKeepingJSON(BackupCreate.self, .init(path: path))
        if global.json {
            StandardStream.output.writeLine(JSONText.compact(json))
        } else {
            StandardStream.output.writeLines([
                "backed up \(service.rawValue) to \(result.path)",
                "  last seq \(result.lastSeq), \(result.bytes) bytes, new epoch \(result.epoch)",
            ])
        }
    }
}
