/// The checks of names as text, before anything is named in Swift.
extension SpecLowering {
    /// Wire names are what the API sends: letters, digits, `_`, `-` and `.`.
    mutating func checkWireName(_ name: Located<String>) {
        let allowed = name.value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_-.".contains($0)) }
        if name.value.isEmpty || !allowed
            || !(name.value.first!.isLetter || name.value.first!.isNumber || name.value.first == "_")
        {
            log.error(
                "invalid wire name '\(name.value)': use letters, digits, '_', '-' and '.', "
                    + "starting with a letter, a digit or '_'",
                at: name.location
            )
        }
    }

    /// A spec name that becomes a type, which must contain a letter: the name, or `Invalid`.
    @discardableResult
    mutating func checkTypeName(_ name: Located<String>, _ what: String) -> String {
        guard name.value.contains(where: { $0.isLetter }),
            name.value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_-. ".contains($0)) })
        else {
            log.error("'\(name.value)' cannot be \(what): use letters, digits, '_' and '-'", at: name.location)
            return "Invalid"
        }
        return name.value
    }
}
