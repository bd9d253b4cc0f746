/// The paths the generated server registers on Hummingbird's router.
///
/// Hummingbird keeps one trie node for each place a placeholder can stand, and cannot tell two
/// names at one node apart: `/classes/{in}/{self}` beside `/classes/{where}` routes
/// `DELETE /classes/5` nowhere (and stops a debug build). So placeholders at the same node get
/// one name, the first one the spec wrote there, and each route maps the names it registers
/// back to its path parameters' wire names. A spec whose placeholders agree, as most do,
/// registers its paths as written.
public struct RouterPaths {
    public struct Route: Equatable, Sendable {
        /// The path as registered, such as `/classes/{in}`.
        public var path: String
        /// Registered name to wire name, for each placeholder whose name changed.
        public var renamed: [String: String]
        /// The methods registered: the operation's, and HEAD beside a GET (answered as the GET
        /// without its body, as HTTP has it) unless an operation of its own is HEAD at that path.
        public var methods: [String]
    }

    /// Each operation's route, in the order of `operations`.
    let routes: [Route]

    init(_ operations: [Operation]) {
        // A node: the segments before a placeholder (placeholders as `{}`) and the
        // placeholder's own segment with its name left out (`{}.json`).
        var names: [String: String] = [:]
        let registered: [Route] = operations.map { operation in
            var prefix = ""
            var segments: [String] = []
            var renamed: [String: String] = [:]
            var used: Set<String> = []
            for segment in operation.path.split(separator: "/", omittingEmptySubsequences: false).map(String.init) {
                guard let open = segment.firstIndex(of: "{"), let close = segment.firstIndex(of: "}"), open < close
                else {
                    segments.append(segment)
                    prefix += "/" + segment
                    continue
                }
                let name = String(segment[segment.index(after: open)..<close])
                let shape = segment[..<open] + "{}" + segment[segment.index(after: close)...]
                let node = prefix + "/" + shape
                var registered = names[node] ?? name
                var suffix = 2
                while used.contains(registered) {
                    // Taken by an earlier placeholder of this path: a name of its own.
                    registered = "\(name)\(suffix)"
                    suffix += 1
                }
                names[node] = names[node] ?? registered
                used.insert(registered)
                if registered != name { renamed[registered] = name }
                segments.append(segment[..<open] + "{\(registered)}" + segment[segment.index(after: close)...])
                prefix += "/" + shape
            }
            return Route(path: segments.joined(separator: "/"), renamed: renamed, methods: [operation.method])
        }
        let headPaths = Set(zip(operations, registered).filter { $0.0.method == "HEAD" }.map(\.1.path))
        routes = zip(operations, registered).map { operation, route in
            var route = route
            if operation.method == "GET", !headPaths.contains(route.path) { route.methods.append("HEAD") }
            return route
        }
    }
}
