/// Text a course provides (titles, summaries, questions) as the site reads it: every such value
/// goes through `.siteText` into an encoder (`HTMLText.escape`, the JSON data files), never into
/// a page unescaped. Where PreflightCore wraps course text in a type of its own (`CourseText`),
/// that type conforms here with `var siteText: String { unescaped }`, and nothing else changes.
protocol SiteText {
    var siteText: String { get }
}

extension String: SiteText {
    var siteText: String { self }
}

extension HTMLText {
    static func escape(_ text: some SiteText) -> String { escape(text.siteText) }
}
