/// "1 lesson", "2 answers": a count with its noun, for the one-line summaries commands print.
func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
