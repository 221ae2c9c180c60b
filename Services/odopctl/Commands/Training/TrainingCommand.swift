import ArgumentParser

/// `odopctl training`: schemes, artisans, applications, batches, enrolments, certificates,
/// toolkits, stipends and reports.
struct TrainingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "training",
        abstract: "Work with the training service: schemes, artisans, applications, batches, certificates, toolkits, stipends, reports.",
        discussion: """
            Every subcommand is one training command (docs/PROTOCOL.md, "training") with its \
            arguments as flags. Artisans are shown masked (initials, last 4 digits) unless \
            "artisans show --reveal --purpose" or "artisans export" asks for their data; an \
            Aadhaar number is never shown, only its last 4 digits. Reports take --csv for \
            spreadsheets. A refused command (a rule of the scheme, a state that does not allow \
            it) exits 1 and names the field.

            Examples:
              odopctl training schemes list
              odopctl training applications import --scheme up-odop-sdtd fzd.csv
              odopctl training applications verify app-c7e3a9f1d2b84056 \\
                  --stage gram_panchayat_or_ulb --approve \\
                  --decided-by "Gram Pradhan, Sewapuri" --reason "works as a potter"
              odopctl training report funnel --group-by district --csv > funnel.csv
            """,
        subcommands: [
            TrainingSchemesCommand.self, TrainingArtisansCommand.self, TrainingApplicationsCommand.self,
            TrainingBatchesCommand.self, TrainingEnrolmentsCommand.self, TrainingCertificatesCommand.self,
            TrainingToolkitsCommand.self, TrainingStipendsCommand.self, TrainingReportCommand.self,
        ]
    )
}
