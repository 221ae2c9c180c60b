/// The samples of a Prometheus text exposition (`/metrics`), as odopctl top reads them:
/// `name{label="value",...} number` lines; comments and unreadable lines are skipped.
struct PrometheusSample: Equatable {
    let name: String
    let labels: [String: String]
    let value: Double

    static func parse(_ text: String) -> [PrometheusSample] {
        text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#"), let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else {
                return nil
            }
            let series = line[..<space]
            guard let brace = series.firstIndex(of: "{") else {
                return PrometheusSample(name: String(series), labels: [:], value: value)
            }
            var labels: [String: String] = [:]
            for pair in series[series.index(after: brace)...].dropLast().split(separator: ",") {
                guard let equals = pair.firstIndex(of: "=") else { continue }
                labels[String(pair[..<equals])] = String(pair[pair.index(after: equals)...]).trimmingCharacters(in: ["\""])
            }
            return PrometheusSample(name: String(series[..<brace]), labels: labels, value: value)
        }
    }

    /// The sum of every sample named `name`.
    static func total(_ samples: [PrometheusSample], _ name: String) -> Double? {
        let matching = samples.filter { $0.name == name }
        return matching.isEmpty ? nil : matching.reduce(0) { $0 + $1.value }
    }
}
