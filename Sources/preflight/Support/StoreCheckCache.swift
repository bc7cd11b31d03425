import PreflightRunner
import PreflightStore

/// Lets `preflight check` remember passes in the course's progress database.
struct StoreCheckCache: CheckCache {
    let store: ProgressStore

    func passedKeys(among keys: [String]) -> Set<String> { store.cachedPasses(among: keys) }

    func recordPasses(_ keys: [String]) {
        do {
            try store.recordCachedPasses(keys)
        } catch {
            Console.error("preflight: warning: could not record passes in the cache: \(error)")
        }
    }
}
