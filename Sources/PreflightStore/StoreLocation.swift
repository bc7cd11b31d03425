import Foundation

/// Where a course's progress database lives: `--state PATH`, then `PREFLIGHT_STATE`, then
/// `$XDG_STATE_HOME/preflight/<course-id>.sqlite`, then `~/.local/state/preflight/<course-id>.sqlite`.
/// A path naming a folder gets `<course-id>.sqlite` inside it.
public enum StoreLocation {
    public static func resolve(courseID: String, explicit: String?, environment: [String: String]) -> URL {
        let fileName = "\(courseID).sqlite"
        if let path = explicit ?? environment["PREFLIGHT_STATE"].flatMap({ $0.isEmpty ? nil : $0 }) {
            let url = URL(fileURLWithPath: (path as NSString).expandingTildeInPath)
            var isDirectory: ObjCBool = false
            if path.hasSuffix("/") || (FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue) {
                return url.appendingPathComponent(fileName)
            }
            return url
        }
        let base: URL
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            base = URL(fileURLWithPath: xdg)
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            base = URL(fileURLWithPath: home).appendingPathComponent(".local/state")
        }
        return base.appendingPathComponent("preflight").appendingPathComponent(fileName)
    }
}
