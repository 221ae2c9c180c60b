import Foundation

/// Test hosts on this machine: Linux network namespaces, each with its own address, joined by
/// veth links to a switch (a bridge in a namespace of its own), plus a link from the test
/// process's own namespace so that the test can talk to every host. Everything is made by the
/// test and removed when the network is closed (or the test process exits). Traffic stays among
/// these namespaces: the addresses are in a /24 that exists nowhere else.
public final class TestNetwork: @unchecked Sendable {
    /// A host: its namespace and address.
    public struct Host: Sendable {
        public let name: String
        public let namespace: String
        public let address: String
        /// The switch-side end of its link (taking it down cuts the host off).
        public let switchPort: String
        /// Runs an executable in the host's namespace.
        public var launcher: [String] { [TestNetwork.ip, "netns", "exec", namespace] }
        public func endpoint(_ port: Int) -> String { "tcp://\(address):\(port)" }
    }

    public static let ip = "/usr/sbin/ip"
    public let id: String
    public let subnet: String
    public private(set) var hosts: [String: Host] = [:]
    private let switchNamespace: String
    private let rootLink: String
    private var closed = false

    /// Why these tests cannot run here, or nil when they can (root and `ip netns`).
    public static var unavailableReason: String? {
        guard getuid() == 0 else { return "network namespaces need root" }
        guard FileManager.default.isExecutableFile(atPath: ip) else { return "\(ip) (iproute2) is not installed" }
        let probe = "odop-probe-\(getpid())"
        guard (try? run([ip, "netns", "add", probe])) != nil else { return "this machine forbids network namespaces" }
        _ = try? run([ip, "netns", "del", probe])
        return nil
    }

    /// Makes the switch and the link from this process's namespace (`.1` of the subnet).
    public init() throws {
        id = String(UInt32(getpid()) % 10_000) + String(Int.random(in: 10...99))
        subnet = "10.\(Int.random(in: 200...250)).\(Int.random(in: 1...250))"
        switchNamespace = "odop-sw-\(id)"
        rootLink = "odop\(id)r"
        try Self.run([Self.ip, "netns", "add", switchNamespace])
        try Self.run([Self.ip, "-n", switchNamespace, "link", "add", "br0", "type", "bridge"])
        try Self.run([Self.ip, "-n", switchNamespace, "link", "set", "br0", "up"])
        try Self.run([Self.ip, "-n", switchNamespace, "link", "set", "lo", "up"])
        // This process's own link: its end stays here, the other joins the bridge.
        try Self.run([Self.ip, "link", "add", rootLink, "type", "veth", "peer", "name", "\(rootLink)s", "netns", switchNamespace])
        try Self.run([Self.ip, "addr", "add", "\(subnet).1/24", "dev", rootLink])
        try Self.run([Self.ip, "link", "set", rootLink, "up"])
        try Self.run([Self.ip, "-n", switchNamespace, "link", "set", "\(rootLink)s", "master", "br0", "up"])
        NetworkCleanup.shared.add(self)
    }

    deinit { close() }

    /// Adds a host `name` at `.<number>` of the subnet.
    @discardableResult
    public func addHost(_ name: String, number: Int) throws -> Host {
        let namespace = "odop-\(name)-\(id)"
        let link = "odop\(id)h\(number)"
        try Self.run([Self.ip, "netns", "add", namespace])
        try Self.run([Self.ip, "-n", namespace, "link", "set", "lo", "up"])
        try Self.run([
            Self.ip, "link", "add", link, "netns", namespace, "type", "veth", "peer", "name", "\(link)s", "netns", switchNamespace,
        ])
        try Self.run([Self.ip, "-n", namespace, "addr", "add", "\(subnet).\(number)/24", "dev", link])
        try Self.run([Self.ip, "-n", namespace, "link", "set", link, "up"])
        try Self.run([Self.ip, "-n", switchNamespace, "link", "set", "\(link)s", "master", "br0", "up"])
        let host = Host(name: name, namespace: namespace, address: "\(subnet).\(number)", switchPort: "\(link)s")
        hosts[name] = host
        return host
    }

    /// Takes a host's link down (nothing reaches it, nothing leaves it) or back up.
    public func setLink(of host: Host, up: Bool) throws {
        try Self.run([Self.ip, "-n", switchNamespace, "link", "set", host.switchPort, up ? "up" : "down"])
    }

    /// Removes every namespace and link made. Idempotent.
    public func close() {
        guard !closed else { return }
        closed = true
        for host in hosts.values { _ = try? Self.run([Self.ip, "netns", "del", host.namespace]) }
        _ = try? Self.run([Self.ip, "link", "del", rootLink])
        _ = try? Self.run([Self.ip, "netns", "del", switchNamespace])
    }

    @discardableResult
    public static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.runSerialized()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw NetworkFailure(description: "\(arguments.joined(separator: " ")) failed (\(process.terminationStatus)): \(output)")
        }
        return output
    }
}

/// A network command (`ip`, a namespace step) that failed, with what it printed.
public struct NetworkFailure: Error, CustomStringConvertible {
    public let description: String

    public init(description: String) { self.description = description }
}

/// Networks still open when the test process exits are removed.
final class NetworkCleanup: @unchecked Sendable {
    static let shared = NetworkCleanup()
    private let lock = NSLock()
    private var networks: [TestNetwork] = []

    private init() {
        atexit { NetworkCleanup.shared.closeAll() }
    }

    func add(_ network: TestNetwork) {
        lock.lock()
        networks.append(network)
        lock.unlock()
    }

    func closeAll() {
        lock.lock()
        let all = networks
        lock.unlock()
        for network in all { network.close() }
    }
}
