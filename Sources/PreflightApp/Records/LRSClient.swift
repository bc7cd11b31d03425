import Foundation

/// The xAPI statements resource of one LRS, over `HTTPTransport`: the headers xAPI 1.0.3 asks
/// for, HTTP basic authentication, and `more` links resolved against the LRS's origin.
struct LRSClient: Sendable {
    let connection: LRSConnection
    let transport: HTTPTransport
    var timeout: Double = 15

    var headers: [String: String] {
        ["Authorization": connection.authorization, "X-Experience-API-Version": "1.0.3",
         "Content-Type": "application/json", "Accept": "application/json", "User-Agent": "preflight"]
    }

    /// POSTs statements (their stored JSON, unchanged) as one array.
    func post(_ bodies: [String]) -> HTTPOutcome {
        transport.send(HTTPRequest(method: "POST", url: connection.statementsURL, headers: headers,
                                   body: "[" + bodies.joined(separator: ",") + "]", timeout: timeout))
    }

    func get(_ url: String) -> HTTPOutcome {
        var headers = headers
        headers["Content-Type"] = nil
        return transport.send(HTTPRequest(method: "GET", url: url, headers: headers, timeout: timeout))
    }

    /// A `more` link: absolute, or a path on the LRS's origin (as xAPI allows).
    func resolve(more: String) -> String {
        if more.hasPrefix("http://") || more.hasPrefix("https://") { return more }
        return connection.origin + (more.hasPrefix("/") ? more : "/" + more)
    }

    /// The LRS's words for a refusal, short: xAPI LRSs answer with a JSON body whose `detail` or
    /// `message` says why (Ralph lists validation errors with where they are).
    static func reason(_ body: String) -> String {
        guard let json = JSONValue.parse(body) else { return Self.clip(body) }
        if let text = json["detail"]?.string ?? json["message"]?.string ?? json["error"]?.string { return clip(text) }
        if let items = json["detail"]?.array {
            let parts = items.prefix(3).map { item -> String in
                let place = item["loc"]?.array?.compactMap { $0.string ?? $0.number.map { String(Int($0)) } }.joined(separator: ".")
                return (item["msg"]?.string ?? "invalid") + (place.map { " at \($0)" } ?? "")
            }
            return clip(parts.joined(separator: "; ") + (items.count > 3 ? "; and \(items.count - 3) more" : ""))
        }
        return clip(body)
    }

    static func clip(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespaces)
        return line.count > 300 ? String(line.prefix(300)) + "…" : line
    }
}
