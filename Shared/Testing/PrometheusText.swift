/// The value of one series in a Prometheus text exposition (`name{a="b"} 3`, labels as the
/// exposition writes them), nil when absent.
public func sample(_ text: String, _ series: String) -> Double? {
    for line in text.split(separator: "\n") where line.hasPrefix(series + " ") {
        return Double(line.dropFirst(series.count + 1))
    }
    return nil
}
