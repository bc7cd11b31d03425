import Foundation

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
