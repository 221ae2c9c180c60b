import ArgumentParser
import Foundation
import ODOPClient
import ZeroMQ

/// Where the services this one follows are reached: a flag and an environment variable per
/// service, as for every option (the flag wins, then `ODOP_<SERVICE>_COMMANDS` /
/// `ODOP_<SERVICE>_EVENTS`, then the default local ports). An empty value means unset. Only the
/// services a service declares it follows (`ServiceDefinition.follows`) are read and validated.
public struct PeerOptions: ParsableArguments, Sendable {
    @Option(
        name: .customLong("catalogue-commands"),
        help: "The catalogue's command endpoint, when followed. [env: ODOP_CATALOGUE_COMMANDS] (default: tcp://127.0.0.1:7101)")
    var catalogueCommands: String?
    @Option(
        name: .customLong("catalogue-events"),
        help: "The catalogue's event endpoint, when followed. [env: ODOP_CATALOGUE_EVENTS] (default: tcp://127.0.0.1:7102)")
    var catalogueEvents: String?
    @Option(
        name: .customLong("exports-commands"),
        help: "The exports service's command endpoint, when followed. [env: ODOP_EXPORTS_COMMANDS] (default: tcp://127.0.0.1:7201)")
    var exportsCommands: String?
    @Option(
        name: .customLong("exports-events"),
        help: "The exports service's event endpoint, when followed. [env: ODOP_EXPORTS_EVENTS] (default: tcp://127.0.0.1:7202)")
    var exportsEvents: String?
    @Option(
        name: .customLong("training-commands"),
        help: "The training service's command endpoint, when followed. [env: ODOP_TRAINING_COMMANDS] (default: tcp://127.0.0.1:7301)")
    var trainingCommands: String?
    @Option(
        name: .customLong("training-events"),
        help: "The training service's event endpoint, when followed. [env: ODOP_TRAINING_EVENTS] (default: tcp://127.0.0.1:7302)")
    var trainingEvents: String?

    @Option(
        name: .customLong("catalogue-public-key-file"),
        help: "The catalogue's CURVE public key, when followed over CURVE. [env: ODOP_CATALOGUE_PUBLIC_KEY_FILE]")
    var cataloguePublicKeyFile: String?
    @Option(
        name: .customLong("exports-public-key-file"),
        help: "The exports service's CURVE public key, when followed over CURVE. [env: ODOP_EXPORTS_PUBLIC_KEY_FILE]")
    var exportsPublicKeyFile: String?
    @Option(
        name: .customLong("training-public-key-file"),
        help: "The training service's CURVE public key, when followed over CURVE. [env: ODOP_TRAINING_PUBLIC_KEY_FILE]")
    var trainingPublicKeyFile: String?

    public init() {}

    private func publicKeyFlag(_ service: String) -> String? {
        switch service {
        case "catalogue": cataloguePublicKeyFile
        case "exports": exportsPublicKeyFile
        case "training": trainingPublicKeyFile
        default: nil
        }
    }

    private func flags(_ service: String) -> (commands: String?, events: String?) {
        switch service {
        case "catalogue": (catalogueCommands, catalogueEvents)
        case "exports": (exportsCommands, exportsEvents)
        case "training": (trainingCommands, trainingEvents)
        default: (nil, nil)
        }
    }

    /// The endpoints of each service in `followed`, validated by the one endpoint rule, with CURVE
    /// client keys when the followed service's public key file is given
    /// (`ODOP_<SERVICE>_PUBLIC_KEY_FILE`): this service then connects with its own key pair
    /// (`ownKeys`, required: `.configuration` without it; a bad key file is `.keyFile`).
    func resolve(_ followed: [String], environment: [String: String], ownKeys: CurveKeyPair? = nil) throws(StartupError) -> [String:
        PeerEndpoints]
    {
        var peers: [String: PeerEndpoints] = [:]
        let environment = environment.filter { !$0.value.isEmpty }
        for service in followed {
            let (commandsFlag, eventsFlag) = flags(service)
            let commands = ServiceDirectory.commandsEndpoint(
                service, flag: commandsFlag.flatMap { $0.isEmpty ? nil : $0 }, environment: environment)
            let events = ServiceDirectory.eventsEndpoint(
                service, flag: eventsFlag.flatMap { $0.isEmpty ? nil : $0 }, environment: environment)
            try EndpointRule.validate(commands, name: "\(service) commands", binding: false)
            try EndpointRule.validate(events, name: "\(service) events", binding: false)
            var endpoints = PeerEndpoints(commands: commands, events: events)
            let variable = "ODOP_\(service.uppercased())_PUBLIC_KEY_FILE"
            if let keyFile = publicKeyFlag(service).flatMap({ $0.isEmpty ? nil : $0 }) ?? environment[variable] {
                guard let ownKeys else {
                    throw .configuration(
                        "\(variable) is set, so \(service) is followed over CURVE, but this service has no key pair: set ODOP_CURVE_SECRET_KEY_FILE and ODOP_CURVE_PUBLIC_KEY_FILE"
                    )
                }
                let serverKey = try KeyFile.read(keyFile, what: "\(service)'s public key", isSecret: false)
                endpoints.curve = CurveClientKeys(publicKey: ownKeys.publicKey, secretKey: ownKeys.secretKey, serverPublicKey: serverKey)
            }
            peers[service] = endpoints
        }
        return peers
    }
}
