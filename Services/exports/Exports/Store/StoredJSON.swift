import Foundation
import ODOPMessages

/// The JSON documents kept in the exports tables (plans, figures): written as on the wire.
enum StoredJSON {
    static func encode<T: Encodable>(_ value: T) throws -> Data {
        try WireFormat.encode(value)
    }

    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try JSONDecoder().decode(type, from: data)
    }
}
