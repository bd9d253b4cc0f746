/// The Swift names already used in one scope, to report two spec names that give the same one.
struct NameScope {
    /// What the names are, and of what: `("property", "resource 'SipDomain'")`.
    let kind: String
    let owner: String?
    private var claimed: [String: Located<String>] = [:]

    /// A scope whose `reserved` names the generated code declares itself.
    init(kind: String, of owner: String? = nil, reserved: Set<String> = [], reservedBy: String = "") {
        self.kind = kind
        self.owner = owner
        self.reserved = reserved
        self.reservedBy = reservedBy
    }

    private let reserved: Set<String>
    private let reservedBy: String

    /// Whether `swiftName` was still free; when not, the collision is logged at `source`.
    @discardableResult
    mutating func claim(_ swiftName: String, for source: Located<String>, log: inout DiagnosticLog) -> Bool {
        let what = "\(kind) '\(source.value)'" + (owner.map { " of \($0)" } ?? "")
        if reserved.contains(swiftName) {
            log.error("\(what) becomes '\(swiftName)' in Swift, which \(reservedBy) uses", at: source.location)
            return false
        }
        if let first = claimed[swiftName] {
            let message =
                first.value == source.value
                ? "duplicate \(what) (first at line \(first.location.line))"
                : "\(what) becomes '\(swiftName)' in Swift, as '\(first.value)' on line \(first.location.line) does"
            log.error(message, at: source.location)
            return false
        }
        claimed[swiftName] = source
        return true
    }
}
