import GRDB
import ODOPMessages
import ODOPRuntime

/// `stipend.list`, `payment.batch.create`, `payment.record`, `report.stipends`.
///
/// Stipends are paid as DBT works: a payment batch sends stipends to the bank; each comes back
/// paid or failed, and a paid one can later be returned. A failed or returned stipend goes into
/// a new batch; a paid or pending one never does, so no stipend is paid twice.
enum PaymentCommands {
    static func register(in registry: inout CommandRegistry, _ context: TrainingContext) {
        registry.read(StipendList.self) { args, read in
            var filters: [(String, any DatabaseValueConvertible)] = []
            if let scheme = args.schemeId { filters.append(("scheme_id", scheme)) }
            if let status = args.status { filters.append(("status", status.rawValue)) }
            return try StoredJSON.page(
                Stipend.self, read.db, table: "stipends", filters: filters, after: args.after,
                limit: args.limit ?? TrainingPaging.defaultLimit)
        }

        registry.change(PaymentBatchCreate.self, context) { args, work in
            let stipends = StipendStore(db: work.db)
            let artisans = try ArtisanStore(db: work.db)
            let batchId = RecordId.make("pay")
            var items: [PaymentItem] = []
            var changed: [(Stipend, StipendStatus)] = []
            for (index, id) in args.stipendIds.enumerated() {
                let field = "stipendIds.\(index)"
                var stipend = try stipends.require(id, field: field)
                switch stipend.status {
                case .paid:
                    throw CommandError.conflict("stipend \(id) is paid already; a stipend is never paid twice", field: field)
                case .pending:
                    throw CommandError.conflict("stipend \(id) is pending in payment batch \(stipend.paymentBatchId ?? "?")", field: field)
                case .due, .failed, .returned:
                    break
                }
                guard let bank = try artisans.artisan(stipend.artisanId)?.personal?.bank else {
                    throw CommandError.conflict("the artisan of stipend \(id) has no bank details", field: field)
                }
                let before = stipend.status
                stipend.status = .pending
                stipend.paymentBatchId = batchId
                stipend.attempts += 1
                changed.append((stipend, before))
                items.append(
                    PaymentItem(
                        stipendId: id, amountRupees: stipend.amountRupees,
                        accountNumber: PersonalDataMask.lastFour(bank.accountNumber), outcome: nil, reference: nil, reason: nil))
            }
            try work.db.execute(
                sql: "INSERT INTO payment_batches (id, created_on) VALUES (?, ?)", arguments: [batchId, work.today.description])
            for ((stipend, before), item) in zip(changed, items) {
                try stipends.update(stipend)
                try Aggregates(db: work.db).moveStipend(
                    schemeId: stipend.schemeId, rupees: stipend.amountRupees, from: before, to: .pending)
                try work.db.execute(
                    sql: """
                        INSERT INTO payment_items (payment_batch_id, stipend_id, amount, account_last4) VALUES (?, ?, ?, ?)
                        """, arguments: [batchId, stipend.stipendId, stipend.amountRupees, String(item.accountNumber.suffix(4))])
            }
            return PaymentBatch(
                paymentBatchId: batchId, createdOn: work.today.description, items: items,
                totalRupees: items.reduce(0) { $0 + $1.amountRupees })
        }

        registry.change(PaymentRecord.self, context) { args, work in
            guard
                let item = try Row.fetchOne(
                    work.db, sql: "SELECT outcome FROM payment_items WHERE payment_batch_id = ? AND stipend_id = ?",
                    arguments: [args.paymentBatchId, args.stipendId])
            else {
                throw CommandError.notFound("payment batch \(args.paymentBatchId) has no stipend \(args.stipendId)", field: "stipendId")
            }
            let previous = (item["outcome"] as String?).flatMap(PaymentOutcome.init(rawValue:))
            let stipends = StipendStore(db: work.db)
            var stipend = try stipends.require(args.stipendId)
            let from = stipend.status
            switch (args.outcome, previous) {
            case (.paid, nil), (.failed, nil):
                guard stipend.status == .pending, stipend.paymentBatchId == args.paymentBatchId else {
                    throw CommandError.conflict(
                        "stipend \(stipend.stipendId) is \(stipend.status.rawValue), not pending in this batch", field: "outcome")
                }
            case (.returned, .paid?):
                guard stipend.status == .paid else {
                    throw CommandError.conflict("stipend \(stipend.stipendId) is \(stipend.status.rawValue), not paid", field: "outcome")
                }
            default:
                throw CommandError.conflict(
                    "stipend \(stipend.stipendId) in batch \(args.paymentBatchId) is \(previous?.rawValue ?? "pending"); it cannot become \(args.outcome.rawValue)",
                    field: "outcome")
            }
            stipend.status = StipendStatus(rawValue: args.outcome.rawValue)!
            let application = try ApplicationStore(db: work.db).require(
                try EnrolmentStore(db: work.db).require(stipend.enrolmentId).applicationId)
            let aggregates = Aggregates(db: work.db)
            switch args.outcome {
            case .paid:
                stipend.paidOn = work.today.description
                try aggregates.count(.stipendPaidRupees, application, by: stipend.amountRupees)
            case .returned:
                stipend.paidOn = nil
                try aggregates.count(.stipendPaidRupees, application, by: -stipend.amountRupees)
            case .failed:
                break
            }
            try stipends.update(stipend)
            try aggregates.moveStipend(schemeId: stipend.schemeId, rupees: stipend.amountRupees, from: from, to: stipend.status)
            try work.db.execute(
                sql: "UPDATE payment_items SET outcome = ?, reference = ?, reason = ? WHERE payment_batch_id = ? AND stipend_id = ?",
                arguments: [args.outcome.rawValue, args.reference, args.reason, args.paymentBatchId, args.stipendId])
            if args.outcome == .paid { work.emit(StipendPaid(stipend)) }
            try work.audit(
                "stipend.\(args.outcome.rawValue)", subject: stipend.stipendId,
                details: [
                    "paymentBatchId": .string(args.paymentBatchId), "enrolmentId": .string(stipend.enrolmentId),
                    "amountRupees": .int(Int64(stipend.amountRupees)), "reference": args.reference.map(JSONValue.string) ?? .null,
                    "reason": args.reason.map(JSONValue.string) ?? .null,
                ])
            return stipend
        }

        registry.read(StipendReconciliation.self) { args, read in
            var totals: [StipendStatus: StipendAmount] = [:]
            var sql = "SELECT status, SUM(count) AS count, SUM(rupees) AS rupees FROM stipend_totals"
            var arguments: StatementArguments = []
            if let scheme = args.schemeId {
                sql += " WHERE scheme_id = ?"
                arguments += [scheme]
            }
            for row in try Row.fetchAll(read.db, sql: sql + " GROUP BY status", arguments: arguments) {
                if let status = StipendStatus(rawValue: row["status"]) {
                    totals[status] = StipendAmount(count: row["count"], rupees: row["rupees"])
                }
            }
            return StipendReconciliation.Result(
                due: totals[.due] ?? .init(), pending: totals[.pending] ?? .init(), paid: totals[.paid] ?? .init(),
                failed: totals[.failed] ?? .init(), returned: totals[.returned] ?? .init())
        }
    }
}
