// Swift + FoundationEssentials: a Date, a Data and a JSONEncoder pass, then idles.
import FoundationEssentials
import Glibc

struct Sample: Codable {
    var at: Date
    var bytes: Data
    var name: String
}

let encoded = try JSONEncoder().encode(Sample(at: Date(), bytes: Data([1, 2, 3]), name: "floor"))
_ = try JSONDecoder().decode(Sample.self, from: encoded)
print("ready \(encoded.count)")
fflush(stdout)
while true { sleep(1000) }
