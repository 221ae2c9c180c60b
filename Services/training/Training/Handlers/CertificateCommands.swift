import Foundation
import ODOPMessages
import ODOPRuntime

/// `certificate.issue`, `certificate.verify`.
enum CertificateCommands {
    static func register(in registry: inout CommandRegistry, _ context: TrainingContext) {
        registry.change(CertificateIssue.self, context) { args, work in
            let enrolment = try EnrolmentStore(db: work.db).require(args.enrolmentId)
            guard enrolment.status == .completed else {
                throw CommandError.conflict(
                    "enrolment \(enrolment.enrolmentId) is \(enrolment.status.rawValue); a certificate needs a completed training",
                    field: "enrolmentId")
            }
            let scheme = try SchemeStore(db: work.db).require(enrolment.schemeId, version: enrolment.schemeVersion)
            if scheme.parameters.assessmentRequired, enrolment.assessment?.result != .pass {
                throw CommandError.conflict(
                    "\(scheme.schemeId) certifies only after a passed assessment; enrolment \(enrolment.enrolmentId) has \(enrolment.assessment.map { "a \($0.result.rawValue)" } ?? "none")",
                    field: "enrolmentId")
            }
            if let existing = try StoredJSON.fetch(
                TrainingCertificate.self, work.db, table: "certificates", key: "enrolment_id", id: enrolment.enrolmentId)
            {
                throw CommandError.conflict(
                    "enrolment \(enrolment.enrolmentId) has certificate \(existing.certificateNumber) already", field: "enrolmentId")
            }
            let certificate = TrainingCertificate(
                certificateNumber: RecordId.certificate(schemeId: enrolment.schemeId, year: work.today.year),
                enrolmentId: enrolment.enrolmentId, artisanId: enrolment.artisanId, schemeId: enrolment.schemeId,
                kind: enrolment.kind, state: enrolment.state, stateCode: enrolment.stateCode, district: enrolment.district,
                districtId: enrolment.districtId, productId: enrolment.productId, issuedOn: work.today.description)
            try StoredJSON.insert(
                work.db, table: "certificates", record: certificate,
                columns: [
                    "number": certificate.certificateNumber, "enrolment_id": certificate.enrolmentId,
                ])
            let application = try ApplicationStore(db: work.db).require(enrolment.applicationId)
            try Aggregates(db: work.db).count(.certified, application)
            work.emit(CertificateIssued(certificate))
            return certificate
        }

        registry.read(CertificateVerify.self) { args, read in
            let number = args.certificateNumber.trimmingCharacters(in: .whitespaces).uppercased()
            let certificate = try StoredJSON.fetch(TrainingCertificate.self, read.db, table: "certificates", key: "number", id: number)
            return CertificateVerify.Result(valid: certificate != nil, certificate: certificate)
        }
    }
}
