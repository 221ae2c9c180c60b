import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Which webhook targets the service may call. Loopback, link-local, private, unspecified and
/// other non-public addresses (IPv4 and IPv6, IPv4-mapped IPv6 included) are refused unless the
/// deployment allows them (`ODOP_WEBHOOK_ALLOW_PRIVATE=loopback` for tests and local start,
/// `private` for a closed network). Checked on the URL when a subscription is made and on every
/// resolved address before each connection.
public struct AddressPolicy: Sendable, Equatable {
    /// What the deployment allows beyond public addresses.
    public enum Allowance: String, Sendable, CaseIterable {
        /// Public addresses only (production default).
        case none
        /// Also loopback (127.0.0.0/8, ::1, `localhost`).
        case loopback
        /// Also loopback, link-local and private ranges.
        case `private`
    }

    public var allowance: Allowance
    public init(allowance: Allowance) { self.allowance = allowance }

    /// What kind of address an IP literal is.
    public enum AddressClass: String, Sendable, Equatable {
        case `public`, loopback
        case linkLocal = "link-local"
        case `private`, unspecified, reserved
    }

    /// Whether `addressClass` may be called under this policy.
    public func allows(_ addressClass: AddressClass) -> Bool {
        switch addressClass {
        case .public: true
        case .loopback: allowance != .none
        case .linkLocal, .private: allowance == .private
        case .unspecified, .reserved: false
        }
    }

    /// Classifies an IPv4 or IPv6 literal (brackets allowed); nil when `text` is not one.
    public static func classify(_ text: String) -> AddressClass? {
        let literal = text.hasPrefix("[") && text.hasSuffix("]") ? String(text.dropFirst().dropLast()) : text
        var v4 = in_addr()
        if inet_pton(AF_INET, literal, &v4) == 1 {
            return classify(ipv4: withUnsafeBytes(of: v4.s_addr) { Array($0) })
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, literal, &v6) == 1 {
            return classify(ipv6: withUnsafeBytes(of: v6) { Array($0) })
        }
        return nil
    }

    /// Classifies four address bytes in network order.
    public static func classify(ipv4 b: [UInt8]) -> AddressClass {
        switch (b[0], b[1]) {
        case (0, _): return .unspecified
        case (127, _): return .loopback
        case (10, _), (172, 16...31), (192, 168): return .private
        case (100, 64...127): return .private  // carrier-grade NAT
        case (169, 254): return .linkLocal
        case (192, 0) where b[2] == 0: return .reserved
        case (224...255, _): return .reserved  // multicast, reserved, broadcast
        default: return .public
        }
    }

    /// Classifies sixteen address bytes in network order.
    public static func classify(ipv6 b: [UInt8]) -> AddressClass {
        if b.allSatisfy({ $0 == 0 }) { return .unspecified }
        if b[0..<15].allSatisfy({ $0 == 0 }) && b[15] == 1 { return .loopback }
        if b[0..<10].allSatisfy({ $0 == 0 }) && b[10] == 0xff && b[11] == 0xff { return classify(ipv4: Array(b[12..<16])) }
        if b[0..<12].allSatisfy({ $0 == 0 }) { return .reserved }  // IPv4-compatible (deprecated)
        if b[0] == 0xfe && (b[1] & 0xc0) == 0x80 { return .linkLocal }
        if (b[0] & 0xfe) == 0xfc { return .private }  // unique local fc00::/7
        if b[0] == 0xff { return .reserved }  // multicast
        if b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b { return classify(ipv4: Array(b[12..<16])) }  // NAT64
        return .public
    }

    /// Checks a webhook URL when a subscription is made: `http` or `https`, a host, no user
    /// info; an IP literal or `localhost` must be allowed. Returns the refusal, or nil when fine.
    public func refusal(forURL text: String) -> String? {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            ["http", "https"].contains(scheme), let host = components.host, !host.isEmpty
        else { return "'\(text)' is not an http or https URL with a host" }
        if components.user != nil || components.password != nil { return "a webhook URL must not carry user info" }
        let lowered = host.lowercased()
        if lowered == "localhost" || lowered.hasSuffix(".localhost") {
            return allows(.loopback) ? nil : "\(host) is a loopback address, which this deployment does not allow"
        }
        if let addressClass = Self.classify(lowered) ?? Self.classifyNumericIPv4(lowered), !allows(addressClass) {
            return "\(host) is a \(addressClass.rawValue) address, which this deployment does not allow"
        }
        return nil
    }

    /// Hosts like `2130706433` or `0x7f.1` that resolvers read as IPv4: classified by asking
    /// `inet_aton`, which accepts those forms.
    private static func classifyNumericIPv4(_ host: String) -> AddressClass? {
        guard host.allSatisfy({ $0.isHexDigit || $0 == "." || $0 == "x" }) else { return nil }
        var address = in_addr()
        guard inet_aton(host, &address) != 0 else { return nil }
        return classify(ipv4: withUnsafeBytes(of: address.s_addr) { Array($0) })
    }

    /// Checks every address `host` resolves to, just before connecting. Returns the refusal, or
    /// nil when every address is allowed.
    public func refusal(forResolved addresses: [String], host: String) -> String? {
        if addresses.isEmpty { return "\(host) did not resolve to any address" }
        for address in addresses {
            let addressClass = Self.classify(address) ?? .reserved
            if !allows(addressClass) {
                return "\(host) resolves to \(address), a \(addressClass.rawValue) address, which this deployment does not allow"
            }
        }
        return nil
    }
}

/// Resolves a host name to its IP addresses (text), as the connection would.
public protocol HostResolver: Sendable {
    func addresses(of host: String, port: Int) async -> [String]
}

/// The system resolver (`getaddrinfo`), run off the cooperative pool.
public struct SystemHostResolver: HostResolver {
    public init() {}

    public func addresses(of host: String, port: Int) async -> [String] {
        if AddressPolicy.classify(host) != nil {
            return [host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host]
        }
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(returning: Self.resolve(host, port: port))
            }
        }
    }

    private static func resolve(_ host: String, port: Int) -> [String] {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &result) == 0, let first = result else { return [] }
        defer { freeaddrinfo(first) }
        var addresses: [String] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let info = cursor {
            var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
            if info.pointee.ai_family == AF_INET {
                info.pointee.ai_addr.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer in
                    var address = pointer.pointee.sin_addr
                    _ = inet_ntop(AF_INET, &address, &buffer, socklen_t(buffer.count))
                }
            } else if info.pointee.ai_family == AF_INET6 {
                info.pointee.ai_addr.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                    var address = pointer.pointee.sin6_addr
                    _ = inet_ntop(AF_INET6, &address, &buffer, socklen_t(buffer.count))
                }
            }
            let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if !text.isEmpty && !addresses.contains(text) { addresses.append(text) }
            cursor = info.pointee.ai_next
        }
        return addresses
    }
}
