/// Client-side search over lesson titles, headings and text, from an index built at export time.
struct SearchPage {
    let context: SiteContext

    func render() -> String {
        var main = "<h1>Search</h1>\n"
        main += """
            <form class="search-form" role="search" action="search.html" method="get">
            <label for="search-query">Words to find in titles, headings and text</label>
            <input id="search-query" name="q" type="search">
            <button type="submit">Search</button>
            </form>
            <div id="search-results" class="search-results" aria-live="polite"></div>

            """
        return PageLayout(context: context).render(.init(
            title: "Search", kind: "search", main: main, scripts: ["data/search.js"],
            noScript: "Search needs JavaScript. Every lesson is listed on the <a href=\"index.html\">home page</a>."))
    }
}
