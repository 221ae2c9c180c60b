import ArgumentParser
import Foundation

/// The options every odopctl command takes: output format, timeouts and retries, and where the
/// services are.
struct GlobalOptions: ParsableArguments {
    @Flag(help: "Output for scripts: one JSON document, or one JSON object per line for event streams.")
    var json = false

    @Option(
        help: ArgumentHelp(
            "Seconds to wait for each reply attempt. [env: ODOP_TIMEOUT] (default: 3)", valueName: "seconds"))
    var timeout: Double?

    @Option(
        help: ArgumentHelp(
            "Times a request is sent again after a timeout, with the same request id so that the service applies it once. [env: ODOP_RETRIES] (default: 2)",
            valueName: "n"))
    var retries: Int?

    @Option(
        name: .customLong("config"),
        help: ArgumentHelp(
            "KEY=VALUE lines named like the environment variables, # for comments. [env: ODOP_CONFIG] (default: ~/.config/odop/odopctl.conf when it exists)",
            discussion:
                "Endpoints and CURVE keys also have flags: --<service>-commands, --<service>-events, --<service>-public-key-file, --curve-public-key-file and --curve-secret-key-file (listed by --help-hidden).",
            valueName: "file"), completion: .file())
    var configFile: String?

    /// Listed by `--help-hidden` and in `odopctl --help`: fourteen flags would bury each
    /// command's own options.
    @OptionGroup(title: "Connection Options", visibility: .hidden)
    var connection: ConnectionOptions

    static let timeoutRange = 0.001...3600.0
    static let retriesRange = 0...100

    func validate() throws {
        if let timeout, !Self.timeoutRange.contains(timeout) {
            throw ValidationError("--timeout must be between 0.001 and 3600 seconds, got \(timeout)")
        }
        if let retries, !Self.retriesRange.contains(retries) {
            throw ValidationError("--retries must be between 0 and 100, got \(retries)")
        }
    }

    /// The settings from flags, environment, config file and defaults, in that order.
    /// Resolves the settings; `defaults` apply where no flag, environment variable or config
    /// file sets the timeout and retries (a health probe wants a quicker answer than an import).
    func resolve(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        defaults: Settings.Patience = .standard
    ) throws(OdopctlFailure) -> Settings {
        try Settings.resolve(options: self, environment: environment, defaults: defaults)
    }
}

/// Where the services are and how to authenticate to them. Each has an environment variable of
/// the same name as its config-file key; the flag wins, then the environment, then the config
/// file (`--config`), then the local default.
struct ConnectionOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Catalogue's command endpoint. [env: ODOP_CATALOGUE_COMMANDS] (default: tcp://127.0.0.1:7101)", valueName: "endpoint"))
    var catalogueCommands: String?
    @Option(
        help: ArgumentHelp(
            "Catalogue's event endpoint. [env: ODOP_CATALOGUE_EVENTS] (default: tcp://127.0.0.1:7102)", valueName: "endpoint"))
    var catalogueEvents: String?
    @Option(
        help: ArgumentHelp("Exports' command endpoint. [env: ODOP_EXPORTS_COMMANDS] (default: tcp://127.0.0.1:7201)", valueName: "endpoint")
    )
    var exportsCommands: String?
    @Option(
        help: ArgumentHelp("Exports' event endpoint. [env: ODOP_EXPORTS_EVENTS] (default: tcp://127.0.0.1:7202)", valueName: "endpoint"))
    var exportsEvents: String?
    @Option(
        help: ArgumentHelp(
            "Training's command endpoint. [env: ODOP_TRAINING_COMMANDS] (default: tcp://127.0.0.1:7301)", valueName: "endpoint"))
    var trainingCommands: String?
    @Option(
        help: ArgumentHelp("Training's event endpoint. [env: ODOP_TRAINING_EVENTS] (default: tcp://127.0.0.1:7302)", valueName: "endpoint"))
    var trainingEvents: String?
    @Option(
        help: ArgumentHelp(
            "Notifications' command endpoint. [env: ODOP_NOTIFICATIONS_COMMANDS] (default: tcp://127.0.0.1:7401)", valueName: "endpoint"))
    var notificationsCommands: String?
    @Option(
        help: ArgumentHelp(
            "Notifications' event endpoint. [env: ODOP_NOTIFICATIONS_EVENTS] (default: tcp://127.0.0.1:7402)", valueName: "endpoint"))
    var notificationsEvents: String?

    @Option(
        help: ArgumentHelp(
            "odopctl's own CURVE public key (Z85 text), when the services use CURVE. [env: ODOP_CURVE_PUBLIC_KEY_FILE]",
            valueName: "file"), completion: .file())
    var curvePublicKeyFile: String?
    @Option(
        help: ArgumentHelp(
            "odopctl's own CURVE secret key (Z85 text, mode 600). [env: ODOP_CURVE_SECRET_KEY_FILE]", valueName: "file"),
        completion: .file())
    var curveSecretKeyFile: String?
    @Option(
        help: ArgumentHelp("Catalogue's CURVE public key. [env: ODOP_CATALOGUE_PUBLIC_KEY_FILE]", valueName: "file"), completion: .file())
    var cataloguePublicKeyFile: String?
    @Option(help: ArgumentHelp("Exports' CURVE public key. [env: ODOP_EXPORTS_PUBLIC_KEY_FILE]", valueName: "file"), completion: .file())
    var exportsPublicKeyFile: String?
    @Option(help: ArgumentHelp("Training's CURVE public key. [env: ODOP_TRAINING_PUBLIC_KEY_FILE]", valueName: "file"), completion: .file())
    var trainingPublicKeyFile: String?
    @Option(
        help: ArgumentHelp("Notifications' CURVE public key. [env: ODOP_NOTIFICATIONS_PUBLIC_KEY_FILE]", valueName: "file"),
        completion: .file())
    var notificationsPublicKeyFile: String?

    /// The flag values by setting name (`ODOP_CATALOGUE_COMMANDS`), for the resolution.
    var flagValues: [String: String] {
        var values: [String: String] = [:]
        func put(_ key: String, _ value: String?) {
            if let value { values[key] = value }
        }
        put(ServiceName.catalogue.commandsKey, catalogueCommands)
        put(ServiceName.catalogue.eventsKey, catalogueEvents)
        put(ServiceName.exports.commandsKey, exportsCommands)
        put(ServiceName.exports.eventsKey, exportsEvents)
        put(ServiceName.training.commandsKey, trainingCommands)
        put(ServiceName.training.eventsKey, trainingEvents)
        put(ServiceName.notifications.commandsKey, notificationsCommands)
        put(ServiceName.notifications.eventsKey, notificationsEvents)
        put(SettingKey.curvePublicKeyFile, curvePublicKeyFile)
        put(SettingKey.curveSecretKeyFile, curveSecretKeyFile)
        put(ServiceName.catalogue.publicKeyFileKey, cataloguePublicKeyFile)
        put(ServiceName.exports.publicKeyFileKey, exportsPublicKeyFile)
        put(ServiceName.training.publicKeyFileKey, trainingPublicKeyFile)
        put(ServiceName.notifications.publicKeyFileKey, notificationsPublicKeyFile)
        return values
    }
}
