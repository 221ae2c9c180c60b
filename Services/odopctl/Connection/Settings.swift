import Foundation
import ODOPClient

/// Everything odopctl needs to reach the services, resolved once per run: the flag wins, then
/// the environment, then the config file, then the local default.
struct Settings: Sendable {
    var timeout: Duration
    var retries: Int
    var endpoints: [ServiceName: ServiceEndpoints]
    /// CURVE key files by setting name, with where each came from; read when first needed.
    var keyFiles: [String: (path: String, origin: SettingOrigin)]
    /// The config file that was read, if any.
    var configPath: String?

    static let defaultTimeoutSeconds = 3.0
    static let defaultRetries = 2

    /// Default timeout and retries when nothing sets them.
    struct Patience: Sendable {
        var timeoutSeconds: Double
        var retries: Int
        static let standard = Patience(timeoutSeconds: defaultTimeoutSeconds, retries: defaultRetries)
        /// For health probes: a service that does not answer within a second, twice, is down.
        static let probe = Patience(timeoutSeconds: 1, retries: 1)
    }

    static func resolve(options: GlobalOptions, environment: [String: String], defaults: Patience = .standard) throws(OdopctlFailure)
        -> Settings
    {
        let config = try ConfigFile.load(flag: options.configFile, environment: environment)
        for warning in config?.warnings ?? [] {
            StandardStream.error.writeLine(warning)
        }
        let sources = SettingSources(flags: options.connection.flagValues, environment: environment, config: config)

        let timeoutSeconds: Double
        if let flag = options.timeout {
            timeoutSeconds = flag
        } else if let (text, origin) = sources.value(SettingKey.timeout) {
            guard let seconds = Double(text), GlobalOptions.timeoutRange.contains(seconds) else {
                throw .usage("\(SettingKey.timeout)=\(text) (\(origin)) is not a number of seconds between 0.001 and 3600")
            }
            timeoutSeconds = seconds
        } else {
            timeoutSeconds = defaults.timeoutSeconds
        }
        let retries: Int
        if let flag = options.retries {
            retries = flag
        } else if let (text, origin) = sources.value(SettingKey.retries) {
            guard let count = Int(text), GlobalOptions.retriesRange.contains(count) else {
                throw .usage("\(SettingKey.retries)=\(text) (\(origin)) is not a whole number between 0 and 100")
            }
            retries = count
        } else {
            retries = defaults.retries
        }

        var endpoints: [ServiceName: ServiceEndpoints] = [:]
        var keyFiles: [String: (path: String, origin: SettingOrigin)] = [:]
        for service in ServiceName.allCases {
            func endpoint(_ key: String, default fallback: String) throws(OdopctlFailure) -> (String, SettingOrigin) {
                guard let (value, origin) = sources.value(key) else { return (fallback, .defaultValue) }
                guard EndpointCheck.isPlausible(value) else {
                    throw .usage("\(key)=\(value) (\(origin)) is not an endpoint such as tcp://127.0.0.1:7101")
                }
                return (value, origin)
            }
            let (commands, commandsOrigin) = try endpoint(
                service.commandsKey, default: ServiceDirectory.defaultCommandsEndpoint(service.rawValue))
            let (events, eventsOrigin) = try endpoint(
                service.eventsKey, default: ServiceDirectory.defaultEventsEndpoint(service.rawValue))
            endpoints[service] = ServiceEndpoints(
                commands: commands, events: events, commandsOrigin: commandsOrigin, eventsOrigin: eventsOrigin)
        }
        let keyNames =
            [SettingKey.curvePublicKeyFile, SettingKey.curveSecretKeyFile]
            + ServiceName.allCases.map(\.publicKeyFileKey)
        for key in keyNames {
            if let (path, origin) = sources.value(key) {
                keyFiles[key] = (ConfigFile.expandingTilde(path, environment: environment), origin)
            }
        }
        return Settings(
            timeout: .milliseconds(Int64((timeoutSeconds * 1000).rounded())), retries: retries, endpoints: endpoints,
            keyFiles: keyFiles, configPath: config?.path)
    }

    func endpoints(of service: ServiceName) -> ServiceEndpoints {
        endpoints[service]!
    }

    /// The CURVE keys for talking to `service`, or nil when it has no public key configured
    /// (it runs open). A server key without odopctl's own key pair is a usage error.
    func curveKeys(for service: ServiceName) throws(OdopctlFailure) -> CurveClientKeys? {
        guard let server = keyFiles[service.publicKeyFileKey] else { return nil }
        guard let ownPublic = keyFiles[SettingKey.curvePublicKeyFile],
            let ownSecret = keyFiles[SettingKey.curveSecretKeyFile]
        else {
            throw .usage(
                "\(service.publicKeyFileKey) is set, so \(service.rawValue) uses CURVE, but odopctl has no key pair: "
                    + "set \(SettingKey.curvePublicKeyFile) and \(SettingKey.curveSecretKeyFile)")
        }
        return CurveClientKeys(
            publicKey: try CurveKeyFile.read(ownPublic.path, what: "odopctl's public key", origin: ownPublic.origin, isSecret: false),
            secretKey: try CurveKeyFile.read(ownSecret.path, what: "odopctl's secret key", origin: ownSecret.origin, isSecret: true),
            serverPublicKey: try CurveKeyFile.read(
                server.path, what: "\(service.rawValue)'s public key", origin: server.origin, isSecret: false))
    }

    /// A connection to `service`'s command socket.
    func connection(to service: ServiceName) throws(OdopctlFailure) -> ServiceConnection {
        let options = CommandClient.Options(timeout: timeout, retries: retries, curve: try curveKeys(for: service))
        return try ServiceConnection(service: service, endpoint: endpoints(of: service).commands, options: options)
    }

    /// `service`'s event socket, for an `EventStream`.
    func eventSource(for service: ServiceName) throws(OdopctlFailure) -> EventStream.Source {
        EventStream.Source(name: service.rawValue, endpoint: endpoints(of: service).events, curve: try curveKeys(for: service))
    }
}

/// Looks a setting up in the flags, the environment and the config file, in that order. An
/// empty environment or config value counts as not set.
struct SettingSources {
    var flags: [String: String]
    var environment: [String: String]
    var config: ConfigFile?

    func value(_ key: String) -> (String, SettingOrigin)? {
        if let flag = flags[key] { return (flag, .flag) }
        if let value = environment[key], !value.isEmpty { return (value, .environment) }
        if let config, let entry = config.entries[key], !entry.value.isEmpty {
            return (entry.value, .configFile(path: config.path, line: entry.line))
        }
        return nil
    }
}
