import PreflightCore

/// Text a course provides (titles, summaries, questions) as the site reads it: every such value
/// goes through `.siteText` into an encoder (`HTMLText.escape`, the JSON data files), never into
/// a page unescaped. Course text is `CourseText`, which cannot be interpolated into a String;
/// this is the one place the site unwraps it.
protocol SiteText {
    var siteText: String { get }
}

extension String: SiteText {
    var siteText: String { self }
}

extension CourseText: SiteText {
    var siteText: String { unescaped }
}

extension HTMLText {
    static func escape(_ text: some SiteText) -> String { escape(text.siteText) }
}
