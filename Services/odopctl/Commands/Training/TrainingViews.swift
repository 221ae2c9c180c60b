import ODOPMessages

/// How the training commands show their records: fields for one record, tables for lists.
/// Artisans are shown as the service sent them: masked unless revealed.
enum TrainingViews {
    /// Prints the service's JSON with `--json`, else `fields`.
    static func print(_ json: JSONValue, asJSON: Bool, _ fields: @autoclosure () -> FieldList) {
        if asJSON {
            StandardStream.output.writeLine(JSONText.compact(json))
        } else {
            StandardStream.output.write(fields().rendered)
        }
    }

    static func rupees(_ value: Int) -> String { "₹" + NumberText.count(value) }

    static func scheme(_ scheme: TrainingScheme) -> FieldList {
        let p = scheme.parameters
        var fields = FieldList()
        fields.append("scheme", "\(scheme.schemeId) version \(scheme.version)")
        fields.append("name", p.name)
        fields.append("residency", p.state ?? "national")
        fields.append("trades", p.eligibleTrades?.joined(separator: ", ") ?? "any")
        fields.append("ODOP product", p.requiresOdopProduct ? "required (batches per product)" : "not required (batches per trade)")
        fields.append("minimum age", String(p.minimumAge))
        fields.append("one per", p.benefitUnit.rawValue)
        fields.append(
            "cooling-off",
            p.coolingOff.map {
                "\($0.years) years across \($0.schemes.joined(separator: ", "))\($0.includesFamily ? ", family included" : "")"
            })
        fields.append("verification", p.verificationStages.joined(separator: " -> "))
        for rule in p.trainingKinds {
            fields.append(
                "training \(rule.kind.rawValue)", "\(rule.minimumDays)-\(rule.maximumDays) days, \(rupees(rule.stipendPerDayRupees)) a day")
        }
        fields.append("minimum attendance", "\(p.minimumAttendancePercent)%")
        fields.append("assessment", p.assessmentRequired ? "required for the certificate" : "not required")
        fields.append("toolkit", "\(p.toolkit.form.rawValue) up to \(rupees(p.toolkit.capRupees))")
        for target in p.districtTargets {
            fields.append("target \(target.financialYear)", "\(target.districtId): \(NumberText.count(target.trainees)) trainees")
        }
        fields.append("created", scheme.createdAt)
        return fields
    }

    static func artisan(_ artisan: ArtisanView) -> FieldList {
        var fields = FieldList()
        fields.append(
            "artisan",
            "\(artisan.artisanId) version \(artisan.version)\(artisan.erased ? " (erased)" : "")\(artisan.masked ? "" : " (unmasked)")")
        fields.append("name", artisan.name)
        fields.append("gender", artisan.gender)
        fields.append("date of birth", artisan.dateOfBirth)
        fields.append("mobile", artisan.mobile)
        fields.append("aadhaar", artisan.aadhaar)
        fields.append("family reference", artisan.familyReference)
        fields.append("bank", artisan.bank.map { "\($0.accountNumber) (\($0.ifsc))" })
        fields.append("district", "\(artisan.district), \(artisan.state)")
        fields.append("trade", artisan.trade)
        fields.append("ODOP product", artisan.productId)
        for consent in artisan.consents {
            fields.append("consent", "\(consent.purpose): given \(consent.givenAt)\(consent.withdrawnAt.map { ", withdrawn \($0)" } ?? "")")
        }
        fields.append("updated", artisan.updatedAt)
        return fields
    }

    static func artisans(_ items: [ArtisanView]) -> Table {
        var table = Table([
            .text("ARTISAN"), .text("NAME"), .text("MOBILE"), .text("AADHAAR"), .text("DISTRICT"), .text("TRADE"), .text("ERASED"),
        ])
        for artisan in items {
            table.append([
                artisan.artisanId, artisan.name ?? "-", artisan.mobile ?? "-", artisan.aadhaar ?? "-",
                "\(artisan.district) (\(artisan.stateCode))", artisan.trade, NumberText.yesNo(artisan.erased),
            ])
        }
        return table
    }

    static func application(_ application: TrainingApplication) -> FieldList {
        var fields = FieldList()
        fields.append("application", "\(application.applicationId) version \(application.version)")
        fields.append("status", application.status.rawValue + (application.pendingStage.map { ", waiting at \($0)" } ?? ""))
        fields.append("scheme", "\(application.schemeId) version \(application.schemeVersion)")
        fields.append("artisan", application.artisanId)
        fields.append("district", "\(application.district), \(application.state)")
        fields.append("product", application.productId.map { "\($0)\(application.sector.map { " (\($0))" } ?? "")" })
        fields.append("trade", application.trade)
        for decision in application.decisions {
            fields.append(
                "stage \(decision.stage)",
                "\(decision.outcome.rawValue) by \(decision.decidedBy) at \(decision.decidedAt): \(decision.reason)")
        }
        if let rejection = application.rejection, application.decisions.last != rejection {
            fields.append("rejected", "by \(rejection.decidedBy) at \(rejection.decidedAt): \(rejection.reason)")
        }
        fields.append("selected by", application.selectedBy)
        fields.append("submitted", application.submittedAt)
        return fields
    }

    static func applications(_ items: [TrainingApplication]) -> Table {
        var table = Table([
            .text("APPLICATION"), .text("SCHEME"), .text("STATUS"), .text("STAGE"), .text("DISTRICT"), .text("TRADE"), .text("ARTISAN"),
        ])
        for a in items {
            table.append([
                a.applicationId, a.schemeId, a.status.rawValue, a.pendingStage ?? "-", "\(a.district) (\(a.stateCode))", a.trade,
                a.artisanId,
            ])
        }
        return table
    }

    static func batch(_ batch: TrainingBatch) -> FieldList {
        var fields = FieldList()
        fields.append("batch", "\(batch.batchId) version \(batch.version)")
        fields.append("status", batch.status.rawValue + (batch.cancelledReason.map { ": \($0)" } ?? ""))
        fields.append("scheme", "\(batch.schemeId), \(batch.kind.rawValue)")
        fields.append("product", batch.productId)
        fields.append("trade", batch.trade)
        fields.append("district", "\(batch.district), \(batch.state)")
        fields.append("centre", batch.centre)
        fields.append("trainer", batch.trainer)
        fields.append("dates", "\(batch.startDate) to \(batch.endDate) (\(batch.days) days)")
        fields.append("places", "\(batch.enrolled) of \(batch.capacity) taken")
        return fields
    }

    static func batches(_ items: [TrainingBatch]) -> Table {
        var table = Table([
            .text("BATCH"), .text("SCHEME"), .text("KIND"), .text("STATUS"), .text("DISTRICT"), .text("START"), .text("END"),
            .number("ENROLLED"), .number("CAPACITY"),
        ])
        for b in items {
            table.append([
                b.batchId, b.schemeId, b.kind.rawValue, b.status.rawValue, "\(b.district) (\(b.stateCode))", b.startDate, b.endDate,
                String(b.enrolled), String(b.capacity),
            ])
        }
        return table
    }

    static func enrolment(_ enrolment: Enrolment) -> FieldList {
        var fields = FieldList()
        fields.append("enrolment", "\(enrolment.enrolmentId) version \(enrolment.version)")
        fields.append("status", enrolment.status.rawValue + (enrolment.dropReason.map { ": \($0)" } ?? ""))
        fields.append("application", enrolment.applicationId)
        fields.append("batch", "\(enrolment.batchId) (\(enrolment.schemeId), \(enrolment.kind.rawValue))")
        fields.append("district", "\(enrolment.district), \(enrolment.state)")
        fields.append("attended days", String(enrolment.attendedDays))
        fields.append("district override", enrolment.districtOverride.map { "by \($0.by): \($0.reason)" })
        fields.append("assessment", enrolment.assessment.map { "\($0.result.rawValue) (\($0.assessedBy), \($0.assessedOn))" })
        return fields
    }

    static func certificate(_ certificate: TrainingCertificate) -> FieldList {
        var fields = FieldList()
        fields.append("certificate", certificate.certificateNumber)
        fields.append("scheme", "\(certificate.schemeId), \(certificate.kind.rawValue)")
        fields.append("enrolment", certificate.enrolmentId)
        fields.append("district", "\(certificate.district), \(certificate.state)")
        fields.append("product", certificate.productId)
        fields.append("issued", certificate.issuedOn)
        return fields
    }

    static func toolkit(_ toolkit: Toolkit) -> FieldList {
        var fields = FieldList()
        fields.append("toolkit", "\(toolkit.toolkitId) version \(toolkit.version)")
        fields.append("form", toolkit.form.rawValue)
        fields.append("status", toolkit.status.rawValue)
        fields.append("value", rupees(toolkit.valueRupees))
        fields.append("scheme", toolkit.schemeId)
        fields.append("application", toolkit.applicationId)
        fields.append("district", "\(toolkit.district), \(toolkit.state)")
        fields.append("issued", toolkit.issuedOn)
        fields.append("redeemed", toolkit.redeemedOn)
        fields.append("delivered", toolkit.deliveredOn)
        return fields
    }

    static func stipend(_ stipend: Stipend) -> FieldList {
        var fields = FieldList()
        fields.append("stipend", stipend.stipendId)
        fields.append("status", stipend.status.rawValue + (stipend.paymentBatchId.map { " (payment batch \($0))" } ?? ""))
        fields.append("amount", "\(rupees(stipend.amountRupees)) = \(stipend.attendedDays) days x \(rupees(stipend.ratePerDayRupees))")
        fields.append("enrolment", "\(stipend.enrolmentId) (\(stipend.schemeId), \(stipend.kind.rawValue))")
        fields.append("attempts", String(stipend.attempts))
        fields.append("paid", stipend.paidOn)
        return fields
    }

    static func stipends(_ items: [Stipend]) -> Table {
        var table = Table([
            .text("STIPEND"), .text("SCHEME"), .text("KIND"), .text("STATUS"), .text("DISTRICT"), .number("DAYS"), .number("AMOUNT"),
            .number("ATTEMPTS"),
        ])
        for s in items {
            table.append([
                s.stipendId, s.schemeId, s.kind.rawValue, s.status.rawValue, "\(s.district) (\(s.stateCode))", String(s.attendedDays),
                rupees(s.amountRupees), String(s.attempts),
            ])
        }
        return table
    }

    static func paymentBatch(_ batch: PaymentBatch) -> Table {
        var table = Table([.text("STIPEND"), .text("ACCOUNT"), .number("AMOUNT"), .text("OUTCOME")])
        for item in batch.items {
            table.append([item.stipendId, item.accountNumber, rupees(item.amountRupees), item.outcome?.rawValue ?? "pending"])
        }
        return table
    }
}
