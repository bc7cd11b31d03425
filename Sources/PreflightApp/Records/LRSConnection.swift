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

/// Who the learner is in their records: a name with an email address (`preflight whoami`), or an
/// account on a system's home page. Without either, records name the LRS user as an account on
/// the LRS's home page.
public struct LearnerIdentity: Sendable, Hashable, Codable {
    public var name: String?
    public var email: String?
    public var accountHomePage: String?
    public var accountName: String?

    static let fileName = "learner.json"

    public init(name: String?, email: String?, accountHomePage: String? = nil, accountName: String? = nil) throws {
        func clean(_ text: String?, _ what: String) throws -> String? {
            guard let text = text?.trimmingCharacters(in: .whitespaces) else { return nil }
            guard !text.isEmpty, !text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) else {
                throw AppError(.usage, "the \(what) must be non-empty text without control characters")
            }
            return text
        }
        self.name = try clean(name, "name")
        self.email = try clean(email, "email address")
        self.accountHomePage = try clean(accountHomePage, "account's home page")
        self.accountName = try clean(accountName, "account name")
        if let email = self.email {
            let parts = email.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !email.contains(" ") else {
                throw AppError(.usage, "`\(email)` is not an email address")
            }
        }
        guard (self.accountName == nil) == (self.accountHomePage == nil) else {
            throw AppError(.usage, "an account needs both --account NAME and --home-page URL")
        }
        if let page = self.accountHomePage, !(page.hasPrefix("https://") || page.hasPrefix("http://")) {
            throw AppError(.usage, "the account's home page must be an http(s) URL")
        }
        if self.email != nil && self.accountName != nil {
            throw AppError(.usage, "give an email address or an account, not both (a record names its learner one way)")
        }
    }

    public static func load(_ folder: UserConfigFolder) throws -> LearnerIdentity? {
        guard let data = try folder.read(fileName) else { return nil }
        guard let identity = try? LRSConnection.decoder.decode(LearnerIdentity.self, from: data) else {
            throw AppError(.data, "\(folder.file(fileName).path): not an identity Preflight wrote; run `preflight whoami --name … --email …` again")
        }
        return identity
    }

    public func save(_ folder: UserConfigFolder) throws {
        try folder.writePrivate(Self.fileName, Data(try JSONOutput.encode(self).utf8))
    }
}

/// The actor of every statement, and the key its statement ids are derived from.
public struct LearnerAgent: Sendable, Hashable {
    public let json: JSONValue
    /// `mailto:…` or `<home page>|<account name>`: the same learner always gives the same key.
    public let key: String
    /// How the learner is shown: "Ann Lee <ann@example.org>".
    public let description: String

    public init(identity: LearnerIdentity?, connection: LRSConnection) {
        var fields: [String: JSONValue] = ["objectType": "Agent"]
        if let name = identity?.name { fields["name"] = .string(name) }
        let shownName = identity?.name.map { $0 + " " } ?? ""
        if let email = identity?.email {
            fields["mbox"] = .string("mailto:" + email)
            key = "mailto:" + email
            description = shownName + "<\(email)>"
        } else {
            let home = identity?.accountHomePage ?? connection.origin
            let name = identity?.accountName ?? connection.user
            fields["account"] = ["homePage": .string(home), "name": .string(name)]
            key = home + "|" + name
            description = shownName + "account \(name) on \(home)"
        }
        json = .object(fields)
    }
}
