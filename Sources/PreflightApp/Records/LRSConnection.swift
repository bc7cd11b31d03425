import Foundation

/// The Learning Record Store a learner sends records to: its xAPI endpoint and the credentials
/// for it, kept in `lrs.json` in the user's config folder (mode 0600). The password never comes
/// from a command-line flag (others can read those in the process list).
public struct LRSConnection: Sendable, Hashable, Codable {
    /// The xAPI endpoint, ending in `/`: statements are at `<endpoint>statements`.
    public var endpoint: String
    public var user: String
    public var password: String

    static let fileName = "lrs.json"

    /// Checks and normalises an endpoint: http or https with a host, no credentials, query or
    /// fragment in it; https unless the host is this machine (a password must not cross a
    /// network in clear).
    public static func endpoint(_ text: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased(),
              let host = components.host, !host.isEmpty else {
            throw AppError(.usage, "`\(trimmed)` is not a URL; give the LRS's xAPI endpoint, such as https://lrs.example.org/xAPI/")
        }
        guard scheme == "https" || scheme == "http" else {
            throw AppError(.usage, "the LRS endpoint must be an https:// URL (got \(scheme)://)")
        }
        guard components.user == nil && components.password == nil else {
            throw AppError(.usage, "put no credentials in the URL: give the user with --user; the password is read from standard input or asked for")
        }
        guard components.query == nil && components.fragment == nil else {
            throw AppError(.usage, "the LRS endpoint takes no query or fragment (`?…`, `#…`): give its base, such as https://lrs.example.org/xAPI/")
        }
        if scheme == "http" && !isLoopback(host) {
            throw AppError(.usage, "the LRS endpoint must use https (\(host) is not this machine, and the password would cross the network in clear)")
        }
        var normalized = components
        normalized.scheme = scheme
        if !normalized.path.hasSuffix("/") { normalized.path += "/" }
        return normalized.string ?? trimmed
    }

    /// localhost, 127.0.0.0/8 and ::1.
    static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        if bare == "localhost" || bare == "::1" || bare == "0:0:0:0:0:0:0:1" { return true }
        let parts = bare.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    public init(endpoint: String, user: String, password: String) throws {
        guard !user.isEmpty, !user.contains(":"), !user.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw AppError(.usage, "the user name must be non-empty, without `:` or control characters (HTTP basic authentication)")
        }
        guard !password.isEmpty else { throw AppError(.usage, "the password is empty") }
        self.endpoint = try Self.endpoint(endpoint)
        self.user = user
        self.password = password
    }

    public var statementsURL: String { endpoint + "statements" }

    /// Reads what `JSONOutput` wrote (snake_case keys).
    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }

    /// `scheme://host[:port]`, the LRS's home page for account identities, and the base that
    /// relative `more` links resolve against.
    public var origin: String {
        guard let components = URLComponents(string: endpoint), let scheme = components.scheme, let host = components.host else { return endpoint }
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "\(scheme)://\(shownHost)" + (components.port.map { ":\($0)" } ?? "")
    }

    var authorization: String { "Basic " + Data("\(user):\(password)".utf8).base64EncodedString() }

    public static func load(_ folder: UserConfigFolder) throws -> LRSConnection? {
        guard let data = try folder.read(fileName) else { return nil }
        guard let connection = try? Self.decoder.decode(LRSConnection.self, from: data), (try? Self.endpoint(connection.endpoint)) != nil else {
            throw AppError(.data, "\(folder.file(fileName).path): not a connection Preflight wrote; run `preflight lrs connect URL --user U` again, or `preflight lrs disconnect`")
        }
        return connection
    }

    public func save(_ folder: UserConfigFolder) throws {
        try folder.writePrivate(Self.fileName, Data(try JSONOutput.encode(self).utf8))
    }

    @discardableResult
    public static func remove(_ folder: UserConfigFolder) throws -> Bool { try folder.remove(fileName) }
}
