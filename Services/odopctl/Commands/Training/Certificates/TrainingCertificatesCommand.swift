import ArgumentParser

/// `odopctl training certificates`.
struct TrainingCertificatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certificates",
        abstract: "Certificates: issue, verify.",
        subcommands: [CertificatesIssueCommand.self, CertificatesVerifyCommand.self]
    )
}
