/// The names of odopctl's settings: environment variables and config-file keys alike.
enum SettingKey {
    /// The config file to read, when `--config` is not given.
    static let config = "ODOP_CONFIG"
    static let timeout = "ODOP_TIMEOUT"
    static let retries = "ODOP_RETRIES"
    /// odopctl's own CURVE key pair.
    static let curvePublicKeyFile = "ODOP_CURVE_PUBLIC_KEY_FILE"
    static let curveSecretKeyFile = "ODOP_CURVE_SECRET_KEY_FILE"

    /// Every key odopctl reads.
    static let odopctlKeys: Set<String> = {
        var keys: Set<String> = [timeout, retries, curvePublicKeyFile, curveSecretKeyFile]
        for service in ServiceName.allCases {
            keys.formUnion([service.commandsKey, service.eventsKey, service.publicKeyFileKey])
        }
        return keys
    }()

    /// The services' own keys: odopctl ignores them without a warning, so that one file can
    /// configure a whole local deployment.
    static let serviceKeys: Set<String> = [
        "ODOP_DATA_DIR", "ODOP_COMMANDS_BIND", "ODOP_EVENTS_BIND", "ODOP_LOG_LEVEL", "ODOP_HEARTBEAT_MS",
        "ODOP_MAX_COMMAND_BYTES", "ODOP_REPLY_RETENTION_HOURS", "ODOP_AUTHORIZED_KEYS",
    ]

    /// Whether a key names a file (its relative value is taken from the config file's folder).
    static func isFilePath(_ key: String) -> Bool { key.hasSuffix("_FILE") }
}
