import Foundation

/// Growth arithmetic for the exports report. Every function returns nil where growth is not
/// defined (a start at 0 or below).
public enum ExportGrowth {
    /// Percentage change from `start` to `end`: (end / start − 1) × 100.
    public static func percentChange(from start: Double, to end: Double) -> Double? {
        guard start > 0, start.isFinite, end.isFinite else { return nil }
        return (end / start - 1) * 100
    }

    /// Compound annual growth rate, in percent, over `years` years:
    /// ((end / start)^(1 / years) − 1) × 100.
    public static func cagrPercent(from start: Double, to end: Double, years: Int) -> Double? {
        guard start > 0, years > 0, start.isFinite, end.isFinite, end >= 0 else { return nil }
        return (pow(end / start, 1 / Double(years)) - 1) * 100
    }

    /// `value` rounded half away from zero to `places` decimals.
    public static func rounded(_ value: Double, places: Int) -> Double {
        let scale = pow(10, Double(places))
        return (value * scale).rounded(.toNearestOrAwayFromZero) / scale
    }
}
