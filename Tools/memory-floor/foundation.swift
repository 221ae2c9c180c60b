// Swift + Foundation: the same as essentials.swift with `import Foundation` (which loads
// FoundationInternationalization, CoreFoundation and ICU), plus one call that only Foundation
// itself has (String(format:), CoreFoundation), so that a static link pulls Foundation in too;
// then idles.
import Foundation

struct Sample: Codable {
    var at: Date
    var bytes: Data
    var name: String
}

let encoded = try JSONEncoder().encode(Sample(at: Date(), bytes: Data([1, 2, 3]), name: "floor"))
_ = try JSONDecoder().decode(Sample.self, from: encoded)
print("ready \(encoded.count) \(String(format: "%.1f", 1.5))")
fflush(stdout)
while true { sleep(1000) }
