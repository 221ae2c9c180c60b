import ArgumentParser

/// `odopctl keys`: CURVE key pairs for services and clients.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Make CURVE key pairs for services and clients, and their allowlist lines.",
        discussion: """
            A service given a key pair (ODOP_CURVE_SECRET_KEY_FILE, ODOP_CURVE_PUBLIC_KEY_FILE) \
            encrypts its sockets and admits only the client keys listed in its allowlist \
            (ODOP_AUTHORIZED_KEYS): lines '<public key> <name> <role> [scope]', role admin, \
            service or reader, scope like state:UP,district:TN-madurai. A service reads its \
            allowlist again on SIGHUP.

            Examples:
              odopctl keys generate odopctl --dir keys --role admin
              odopctl keys generate officer-firozabad --dir keys --role admin --scope district:UP-firozabad
            """,
        subcommands: [KeysGenerateCommand.self]
    )
}
