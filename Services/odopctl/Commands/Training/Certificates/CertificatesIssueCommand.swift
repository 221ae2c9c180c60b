import ArgumentParser
import ODOPMessages

/// `odopctl training certificates issue`: `CertificateIssue`.
struct CertificatesIssueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue",
        abstract: "Issue the certificate of a completed enrolment.",
        discussion: """
            Examples:
              odopctl training certificates issue enr-bf3ffdc5d6024ea4
            """
    )

    @Argument(help: ArgumentHelp("The enrolment's id.", valueName: "enrolment-id"))
    var enrolmentId: String

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .training)
        let (json, result) = try connection.callKeepingJSON(CertificateIssue.self, .init(enrolmentId: enrolmentId))
        TrainingViews.print(json, asJSON: global.json, TrainingViews.certificate(result))
    }
}
