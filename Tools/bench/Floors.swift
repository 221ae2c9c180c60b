import ArgumentParser
import Foundation
import ODOPRuntime
import ODOPTesting

// Scenario 11: floors. In one run, the raw libzmq baselines, then the work the contract requires
// per operation, each piece alone on one thread (median of repeats after a warm-up), and from
// them a ceiling for each of issue 15's ratio targets: how far the figure can go on this machine.

struct Floors: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "floors",
        abstract: "11. Floors: the raw baselines, then the work each operation must do measured alone, and a ceiling per ratio target.",
        discussion: """
            Not part of `all`. Measures the raw 16×REQ→ROUTER echo and PUSH/PULL (with their CPU per \
            round trip or message), then, single-threaded and each the median of --repeats runs after an \
            untimed one: the write storage floor (the SQL one bench.write runs, captured with SQLite's \
            trace around a real one and replayed as cached statements, each run on a fresh database, in \
            transactions of 8 writes with and without savepoints and of 1; also with temp_store FILE and \
            with no checkpoint inside the commits, and SQLite's own time per statement), the source's \
            replay page read, the subscriber's apply floor (the bench follower's insert and the runtime's \
            cursor advance, per replay page and per event), and the pieces of a read (the point read on a \
            pool read and alone, a thread hand-off and back as scheduled and pinned to one and two cores, \
            the service's codec, the client's codec). Prints each as µs per operation and the ceilings: \
            what ratio to raw libzmq each target could reach if that work were all there was. Scratch \
            databases are removed. See docs/performance/floors.md.
            """)
    @OptionGroup var common: CommonOptions
    @OptionGroup var latency: LatencyOptions
    @OptionGroup var throughput: ThroughputOptions
    @OptionGroup var load: LoadOptions
    @OptionGroup var events: EventOptions

    @Option(help: "Timed runs of each floor; the median is reported (default 5; --quick 3).")
    var repeats: Int?

    @Option(help: "Writes per run of the write floor; the other floors run small multiples of it (default 20000; --quick 4000).")
    var operations: Int?

    func run() throws {
        var settings = BenchSettings()
        try common.apply(to: &settings)
        try latency.apply(to: &settings)
        try throughput.apply(to: &settings)
        try load.apply(to: &settings)
        try events.apply(to: &settings)
        settings.floorRepeats = repeats ?? (common.quick ? 3 : 5)
        settings.floorOperations = operations ?? (common.quick ? 4_000 : 20_000)
        guard (1...50).contains(settings.floorRepeats) else { throw ValidationError("--repeats must be between 1 and 50") }
        guard (100...1_000_000).contains(settings.floorOperations) else {
            throw ValidationError("--operations must be between 100 and 1000000")
        }
        try runScenarios([.floors], settings)
    }
}

extension BenchSession {
    func runFloors() throws {
        let s = settings
        let title = Scenario.floors.title
        let repeats = s.floorRepeats
        let n = s.floorOperations
        let payload = String(repeating: "w", count: 100)

        // MARK: raw baselines, with their CPU
        report.say("  raw baselines (\(s.messageSize) B), with the CPU this process used per round trip or message (all threads)")
        let echo = try rawRouterEcho()
        let echoCPU = rawCPU.routerEcho ?? 0
        report.add(
            Figure(
                scenario: title, name: "raw \(s.clients)×REQ → 1 ROUTER echo thread", value: echo, unit: "round trips/s",
                details: [cpuPerOperationKey: echoCPU, "cores busy": echo * echoCPU / 1e6],
                note:
                    "'cores busy' = rate × CPU per round trip: near the machine's \(ProcessInfo.processInfo.activeProcessorCount) cores, the echo is CPU-bound"
            ))
        let oneWay = try rawPushPull()
        report.add(
            Figure(
                scenario: title, name: "raw PUSH/PULL one way", value: oneWay, unit: "msg/s",
                details: [cpuPerOperationKey: rawCPU.pushPull ?? 0]))

        let directory = TemporaryDirectory(prefix: "odop-bench-floors")
        defer { try? FileManager.default.removeItem(atPath: directory.path) }

        // MARK: writes
        let captured = try captureBenchWrite(payload: payload)
        report.say("  a bench.write (100 B payload, a group of one) ran on the writer's connection, captured with SQLite's trace:")
        for sql in captured.statements { report.say("    \(sql.replacingOccurrences(of: "\n", with: " "))") }
        let replay = try WriteReplay(captured)
        // Each run of a write floor on a fresh database (see FreshStores); the reads' store is
        // filled once by the replay.
        let readStores = FreshStores(root: directory.file("reads").path)
        let readDatabase = try readStores.next()
        let tempStore = "temp_store MEMORY (where savepoints keep their sub-journals)"
        report.say(
            "  write storage floor: those statements (not BEGIN/COMMIT/SAVEPOINT/RELEASE) replayed as cached statements with equivalent arguments, on one thread, \(n) writes a run, on a fresh database made by a ServiceStore of the bench service and written through a GRDB DatabasePool opened as ServiceStore opens its own (WAL, synchronous \(ProcessInfo.processInfo.environment["ODOP_SYNCHRONOUS"] ?? "normal"), \(tempStore))"
        )
        let variants: [(name: String, perTransaction: Int, bracket: WriteBracket, randomIDs: Bool, note: String?)] = [
            (
                "8 per transaction, each in a savepoint (GRDB inSavepoint)", 8, .grdbSavepoint, false,
                "per write the statements above in GRDB's inSavepoint (as the writer did before the ninth pass), 8 writes per BEGIN IMMEDIATE…COMMIT"
            ),
            (
                "8 per transaction, each in a savepoint (cached SAVEPOINT/RELEASE)", 8, .cachedSavepoint, false,
                "group commit as the writer does it (it averaged 7.5 commands a group at 16 clients): the same savepoint semantics, SAVEPOINT and RELEASE run as cached statements"
            ),
            (
                "8 per transaction, each in a savepoint (cached), random ids", 8, .cachedSavepoint, true,
                "as the line above with version 4 request and event ids, as before the ninth pass: each key on a page of its own in its index"
            ),
            ("8 per transaction, no savepoints", 8, .none, false, nil),
            (
                "1 per transaction, in a savepoint (GRDB inSavepoint)", 1, .grdbSavepoint, false,
                "a lone command: the group commit's worst case"
            ),
            (
                "8 per transaction, each in a savepoint (GRDB inSavepoint), temp_store FILE", 8, .grdbSavepoint, false,
                "as the first line but temp_store left at SQLite's default (FILE), as ServiceStore opened it before it set temp_store = MEMORY: savepoint sub-journals go to a temporary file"
            ),
        ]
        let writeMeasures = try measureFloors(
            repeats: repeats,
            variants.map { variant in
                let memory = !variant.name.hasSuffix("temp_store FILE")
                let stores = FreshStores(
                    root: directory.file("writes-\(variant.perTransaction)-\(variant.bracket)-\(memory)-\(variant.randomIDs)").path,
                    memoryTempStore: memory)
                return writeFloorWork(
                    replay, store: { try stores.next() }, writes: n, perTransaction: variant.perTransaction, bracket: variant.bracket,
                    randomIDs: variant.randomIDs)
            })
        for (variant, measured) in zip(variants, writeMeasures) {
            report.add(
                Figure(
                    scenario: title, name: "write storage floor, \(variant.name)", value: measured.rate, unit: "writes/s",
                    baseline: (rawEchoName, echo), details: measured.details, note: variant.note))
        }
        // The bound: savepoints as the contract requires them, the cheaper way of the two measured.
        let writeFloor = writeMeasures[0].wallMicros <= writeMeasures[1].wallMicros ? writeMeasures[0] : writeMeasures[1]

        // Where a write's time goes, by statement (SQLite's timing; COMMIT includes the WAL writes
        // and any auto-checkpoint).
        let profileStores = FreshStores(root: directory.file("writes-profile").path)
        let profiled = try profileStores.next()
        let profile = try profileStatements(
            store: profiled, writeFloorWork(replay, store: { profiled }, writes: n, perTransaction: 8, bracket: .grdbSavepoint))
        report.say(
            "  by statement, µs per write (SQLite's profile of one more run on a fresh database, 8 per transaction in GRDB savepoints; SQLite's clock counts whole milliseconds, so each is an average of quantised samples; total \(formatNumber(profile.reduce(0) { $0 + $1.micros })) µs, the rest of the wall time is Swift and GRDB around the statements):"
        )
        for entry in profile {
            report.say("    \(String(format: "%7.2f", entry.micros))  \(entry.sql.replacingOccurrences(of: "\n", with: " ").prefix(110))")
        }

        // The same group commit with the WAL checkpoint out of the commits (on a store of its own,
        // auto-checkpoint off: the WAL only grows, as if a background thread checkpointed it).
        let noCheckpointStores = FreshStores(root: directory.file("writes-no-checkpoint").path) { store in
            try store.pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_autocheckpoint = 0") }
        }
        let noCheckpoint = try measureFloors(
            repeats: repeats,
            [writeFloorWork(replay, store: { try noCheckpointStores.next() }, writes: n, perTransaction: 8, bracket: .grdbSavepoint)])[0]
        report.add(
            Figure(
                scenario: title, name: "write storage floor, 8 per transaction in GRDB savepoints, no checkpoint in the commits",
                value: noCheckpoint.rate, unit: "writes/s", baseline: (rawEchoName, echo), details: noCheckpoint.details,
                note:
                    "wal_autocheckpoint = 0 on a store of its own: what moving the checkpoint off the writer would leave (information; not used for the ceiling)"
            ))

        try writeFloorWork(replay, store: { readDatabase }, writes: n, perTransaction: 8, bracket: .none).prepare(0)()
        let pageEvents = Int(try readDatabase.store.lastSeq())
        let pageRead = try pageReadFloor(store: readDatabase.store, events: pageEvents, pageSize: s.pageSize, repeats: repeats)
        report.add(
            Figure(
                scenario: title, name: "replay page read (source side), \(s.pageSize) per page", value: pageRead.rate, unit: "events/s",
                details: pageRead.details,
                note:
                    "SELECT envelope … WHERE seq > ? ORDER BY seq LIMIT ? on a pool read, over the events the write floor stored (the SQL of the event log's forEachEnvelope(after:limit:), copied)"
            ))

        // MARK: apply
        let applyStore = try ApplyFloor.store(directory: directory.file("apply").path, pageSize: s.pageSize)
        let seq = ApplyFloor.NextSeq()
        let applies = try measureFloors(
            repeats: repeats,
            [
                ApplyFloor.work(store: applyStore, events: 5 * n, perTransaction: s.pageSize, seq: seq),
                ApplyFloor.work(store: applyStore, events: n, perTransaction: 1, seq: seq),
            ])
        let applyPage = applies[0]
        report.add(
            Figure(
                scenario: title, name: "apply floor, \(s.pageSize) events per transaction", value: applyPage.rate, unit: "events/s",
                baseline: (rawPushPullName, oneWay), details: applyPage.details,
                note:
                    "per event the bench follower's INSERT INTO applied; per transaction the runtime's cursor advance (SQL copied from SubscriptionCursor.advance); one replay page per transaction, on one thread"
            ))
        report.add(
            Figure(
                scenario: title, name: "apply floor, 1 event per transaction", value: applies[1].rate, unit: "events/s",
                baseline: (rawPushPullName, oneWay), details: applies[1].details))

        // MARK: reads
        let rows = min(10_000, n)
        let reads = try measureFloors(
            repeats: repeats,
            [
                ReadFloors.pointRead(store: readDatabase.store, rows: rows, operations: 5 * n, poolReadEach: true),
                ReadFloors.pointRead(store: readDatabase.store, rows: rows, operations: 5 * n, poolReadEach: false),
            ])
        let pointRead = reads[0]
        report.add(
            Figure(
                scenario: title, name: "point read (bench.read's SELECT on a pool read)", value: pointRead.cpuMicros, unit: "cpu µs/op",
                details: pointRead.details,
                note:
                    "ServiceStore.read (a reader connection, a read transaction), the cached SELECT id, payload FROM rows WHERE id = ?, the row made into the result; random rows of \(rows)"
            ))
        report.add(
            Figure(
                scenario: title, name: "point read, the statement alone (all in one pool read)", value: reads[1].cpuMicros,
                unit: "cpu µs/op", details: reads[1].details,
                note: "the same SELECTs inside one ServiceStore.read: the difference from the line above is the pool read's own cost"))
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let placements: [(name: String, cores: (caller: Int, worker: Int)?)] =
            [("placed by the scheduler", nil), ("both threads pinned to one core", (0, 0))]
            + (cores > 1 ? [("pinned to two cores", (0, 1))] : [])
        var handOffs: [FloorMeasure] = []
        for placement in placements {
            let measured = try ReadFloors.handOff(operations: 2 * n, repeats: repeats, cores: placement.cores)
            handOffs.append(measured)
            report.add(
                Figure(
                    scenario: title, name: "hand-off to a read thread and back, \(placement.name)", value: measured.cpuMicros,
                    unit: "cpu µs/op", details: measured.details,
                    note: placement.cores == nil
                        ? "lock + semaphore to a worker, lock + pipe byte back to a thread in poll(2) (the primitives of ReadWorkers and ReplyOutbox); CPU of both threads per round trip. A wake-up across cores (one of them idle) costs far more than on a busy core: the placements below show the range"
                        : nil))
        }
        // The floor: the cheapest placement measured.
        let handOff = handOffs.min { $0.cpuMicros < $1.cpuMicros }!
        let serviceCodec = try ReadFloors.serviceCodec(payload: payload, operations: 5 * n, repeats: repeats)
        report.add(
            Figure(
                scenario: title, name: "service codec of a bench.read", value: serviceCodec.cpuMicros, unit: "cpu µs/op",
                details: serviceCodec.details,
                note:
                    "CommandRequest.parse, BenchRead.decodeArguments, WireFormat.encode of the result, CommandReply.successFrame (100 B payload)"
            ))
        let clientCodec = try ReadFloors.clientCodec(payload: payload, operations: 5 * n, repeats: repeats)
        report.add(
            Figure(
                scenario: title, name: "client codec of a bench.read", value: clientCodec.cpuMicros, unit: "cpu µs/op",
                details: clientCodec.details,
                note: "CommandClient.newRequestID, CommandRequest.make + encoded(), CommandReply.parse(_:answering:) + result(as:)"))

        // MARK: ceilings
        let ceilings = FloorCeilings(
            echo: echo, echoCPU: echoCPU, pushPull: oneWay, write: writeFloor, pageRead: pageRead, applyPage: applyPage,
            pointRead: pointRead, handOff: handOff, serviceCodec: serviceCodec, clientCodec: clientCodec)
        for ceiling in ceilings.rows {
            report.add(
                Figure(
                    scenario: title, name: "ceiling: \(ceiling.name)", value: ceiling.ratio, unit: "× raw",
                    target: .atLeast(ceiling.target),
                    details: ceiling.details, note: ceiling.note))
        }
        report.say("")
        report.say("  Ceilings from the floors (PASS: the target is within reach of the required work on this machine; MISS: it is not)")
        let header = ["figure", "target", "ceiling", "bound by"]
        let table = ceilings.rows.map { [$0.name, "≥ \(formatRatio($0.target))", formatRatio($0.ratio), $0.boundBy] }
        let widths = header.indices.map { column in ([header] + table).map { $0[column].count }.max() ?? 0 }
        for row in [header, widths.map { String(repeating: "-", count: $0) }] + table {
            report.say(
                "  " + row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  "))
        }
    }
}

/// The ceilings issue 15's ratio targets have on this machine, from the floors of one run.
struct FloorCeilings {
    struct Ceiling {
        var name: String
        var target: Double
        var ratio: Double
        var boundBy: String
        var details: [String: Double]
        var note: String
    }

    let echo: Double
    let echoCPU: Double
    let pushPull: Double
    let write: FloorMeasure
    let pageRead: FloorMeasure
    let applyPage: FloorMeasure
    let pointRead: FloorMeasure
    let handOff: FloorMeasure
    let serviceCodec: FloorMeasure
    let clientCodec: FloorMeasure

    var rows: [Ceiling] {
        let codecs = serviceCodec.cpuMicros + clientCodec.cpuMicros
        let readCPU = echoCPU + handOff.cpuMicros + pointRead.cpuMicros + codecs
        let writeCPU = echoCPU + handOff.cpuMicros + write.cpuMicros + codecs
        let writeSerial = write.rate / echo
        let writeShared = echoCPU / writeCPU
        let sequential = 1e6 / (applyPage.wallMicros + pageRead.wallMicros) / pushPull
        let overlapped = 1e6 / max(applyPage.wallMicros, pageRead.wallMicros) / pushPull
        return [
            Ceiling(
                name: "bench.read reads/s ÷ raw echo", target: 0.75, ratio: echoCPU / readCPU,
                boundBy: "CPU of the 2 cores (echo + hand-off + point read + codecs)",
                details: [
                    "raw echo cpu µs/op": echoCPU, "added cpu µs/op": readCPU - echoCPU, "reads/s at the ceiling": echo * echoCPU / readCPU,
                    "echo cores busy": echo * echoCPU / 1e6,
                ],
                note:
                    "raw echo CPU ÷ (raw echo CPU + hand-off + point read + service codec + client codec) per op: valid because the raw echo and the reads both saturate the same 2 cores, so their rates go as the inverse of their CPU per op. Check 'echo cores busy' (rate × CPU per round trip): well under 2, the echo was bound partly by its one ROUTER thread or by other work on the machine, and this ratio is an estimate. The hand-off is the cheapest placement measured"
            ),
            Ceiling(
                name: "durable writes/s ÷ raw echo", target: 0.5, ratio: min(writeSerial, writeShared),
                boundBy: writeSerial < writeShared ? "the one writer thread (storage floor)" : "CPU of the 2 cores",
                details: [
                    "one writer thread: floor writes/s ÷ echo": writeSerial,
                    "2 cores: echo CPU ÷ (echo CPU + hand-off + storage + codecs)": writeShared,
                    "writes/s at the ceiling": echo * min(writeSerial, writeShared),
                ],
                note:
                    "the lower of two bounds: the writer thread doing nothing but the storage floor (8 writes per transaction, each in a savepoint: the cheaper of the two savepoint variants), and the whole machine's CPU with the storage floor, a hand-off and bench.read's codecs (as an estimate of bench.write's) added to the raw echo's"
            ),
            Ceiling(
                name: "live subscriber events/s ÷ raw PUSH/PULL", target: 0.15, ratio: applyPage.rate / pushPull,
                boundBy: "the subscriber thread's apply floor",
                details: ["events/s at the ceiling": applyPage.rate],
                note: "the apply floor per replay page on the one subscriber thread; receiving and decoding each event come on top"),
            Ceiling(
                name: "catch-up events/s ÷ raw PUSH/PULL", target: 0.3, ratio: overlapped,
                boundBy: "apply floor, page read overlapped",
                details: ["sequential (page read, then apply)": sequential, "events/s at the ceiling": overlapped * pushPull],
                note:
                    "page read on the source and apply on the subscriber overlapped (the slower of the two per event); 'sequential' as fetched then applied one page after the other; moving and decoding the page come on top"
            ),
        ]
    }
}
