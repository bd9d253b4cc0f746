/// The checks of names as text, before anything is named in Swift.
extension SpecLowering {
    /// Wire names are what the API sends: letters, digits, `_`, `-` and `.`, and at the end a
    /// `<` or `>` for the bounds of a range (`StartTime<`, `StartTime>`).
    mutating func checkWireName(_ name: Located<String>) {
        let body = name.value.last.map { "<>".contains($0) } == true ? String(name.value.dropLast()) : name.value
        let allowed = body.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_-./".contains($0)) }
        if body.isEmpty || !allowed || !(body.first!.isLetter || body.first!.isNumber || body.first == "_") {
            log.error(
                "invalid wire name '\(name.value)': use letters, digits, '_', '-', '.' and '/', "
                    + "starting with a letter, a digit or '_', and ending with '<' or '>' for a bound",
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
