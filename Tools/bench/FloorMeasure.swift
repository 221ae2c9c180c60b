import Foundation

/// One floor: wall and CPU microseconds per operation of a piece of work run alone on one thread,
/// each the median over the timed repeats.
struct FloorMeasure {
    var wallMicros: Double
    var cpuMicros: Double
    /// The fastest and slowest timed repeat (wall µs per operation): the spread.
    var wallRange: ClosedRange<Double>
    var repeats: Int
    var operations: Int

    /// Operations per second at the median wall time.
    var rate: Double { wallMicros > 0 ? 1e6 / wallMicros : 0 }

    /// The figure's details: the spread, the CPU and the counts.
    var details: [String: Double] {
        [
            "µs/op": wallMicros, cpuPerOperationKey: cpuMicros, "fastest µs/op": wallRange.lowerBound,
            "slowest µs/op": wallRange.upperBound, "repeats": Double(repeats), "ops/repeat": Double(operations),
        ]
    }
}

/// One run's work of a floor: `prepare(run)` makes the run's inputs untimed (run 0 is an untimed
/// warm-up, 1...repeats are timed) and returns the timed work, which does `operations` operations.
struct FloorWork {
    var operations: Int
    var prepare: (Int) throws -> (() throws -> Void)
}

/// Measures a floor: the median of `repeats` timed runs after an untimed one.
func measureFloor(repeats: Int, operations: Int, _ prepare: @escaping (Int) throws -> (() throws -> Void)) throws -> FloorMeasure {
    try measureFloors(repeats: repeats, [FloorWork(operations: operations, prepare: prepare)])[0]
}

/// Measures several floors with their runs interleaved (run 1 of each, then run 2 of each…), so
/// that the machine's other load and a database that grows weigh on each alike.
func measureFloors(repeats: Int, _ works: [FloorWork]) throws -> [FloorMeasure] {
    var walls = Array(repeating: [Double](), count: works.count)
    var cpus = Array(repeating: [Double](), count: works.count)
    for run in 0...max(1, repeats) {
        for (index, work) in works.enumerated() {
            let timed = try work.prepare(run)
            let meter = CPUMeter()
            let t0 = nowNanos()
            try timed()
            let wall = Double(nowNanos() - t0) / 1000 / Double(work.operations)
            let cpu = meter.microsPerOperation(work.operations)
            if run > 0 {
                walls[index].append(wall)
                cpus[index].append(cpu)
            }
        }
    }
    return works.indices.map { index in
        FloorMeasure(
            wallMicros: median(walls[index]), cpuMicros: median(cpus[index]),
            wallRange: (walls[index].min() ?? 0)...(walls[index].max() ?? 0), repeats: walls[index].count,
            operations: works[index].operations)
    }
}
