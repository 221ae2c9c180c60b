import ArgumentParser
import ODOPMessages

/// `odopctl training certificates verify`: `CertificateVerify`.
struct CertificatesVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify a certificate number (exit 1 when it was not issued here).",
        discussion: """
            Examples:
              odopctl training certificates verify CERT-UOS-2026-7F3K9Q2M4X8B
            """
    )

    @Argument(help: ArgumentHelp("The certificate number.", valueName: "number"))
    var number: String

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .training)
        let (json, result) = try connection.callKeepingJSON(CertificateVerify.self, .init(certificateNumber: number))
        if global.json { StandardStream.output.writeLine(JSONText.compact(json)) }
        guard let certificate = result.certificate, result.valid else {
            throw OdopctlFailure(.refused, ["not valid: \(number) was not issued by this training service"])
        }
        if !global.json { StandardStream.output.write(TrainingViews.certificate(certificate).rendered) }
    }
}
