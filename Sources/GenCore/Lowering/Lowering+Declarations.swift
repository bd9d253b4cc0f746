/// The spec's declarations: its authentication, SID kinds and enums.
extension SpecLowering {
    mutating func lowerAuth(resources: [Resource]) -> Auth {
        let auth = spec.auth
        let scheme = auth?.scheme?.value ?? "basic"
        if let raw = auth?.scheme, !Self.authSchemes.contains(raw.value) {
            log.error(
                "unknown auth scheme '\(raw.value)'\(Suggestion.hint(for: raw.value, in: Self.authSchemes)); "
                    + "expected basic or bearer",
                at: raw.location
            )
        }
        // Each scheme's own credentials, and none of the other's.
        let keys: [(String, RawCredential?)] = [
            ("username", auth?.username), ("password", auth?.password), ("token", auth?.token),
        ]
        let wanted: Set<String> = scheme == "bearer" ? ["token"] : ["username", "password"]
        for (key, raw) in keys where Self.authSchemes.contains(scheme) {
            if wanted.contains(key), raw == nil, let auth {
                log.error("missing required key '\(key)' in 'auth' of scheme \(scheme)", at: auth.location)
            } else if !wanted.contains(key), let raw {
                log.error("'\(key)' does not apply to auth scheme \(scheme)", at: raw.location)
            }
        }
        if scheme == "bearer", let account = auth?.accountParameter {
            log.error(
                "'accountParameter' applies to auth scheme basic, whose username is the account",
                at: account.location
            )
        }
        func credential(_ raw: RawCredential?) -> Auth.Credential? {
            guard let raw else { return nil }
            if let variable = raw.environmentVariable,
                variable.value.isEmpty
                    || !variable.value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
            {
                log.error("'\(variable.value)' is not an environment variable name", at: variable.location)
            }
            return Auth.Credential(name: raw.name?.value ?? "", environmentVariable: raw.environmentVariable?.value)
        }
        if let realm = auth?.realm {
            checkHeaderText(realm, "auth.realm")
        }
        return Auth(
            scheme: scheme,
            username: credential(auth?.username),
            password: credential(auth?.password),
            token: credential(auth?.token),
            account: auth?.accountParameter.flatMap { accountParameter($0, resources: resources) },
            realm: auth?.realm?.value ?? spec.name?.value ?? ""
        )
    }

    static let authSchemes = ["basic", "bearer"]

    /// The realm goes into `WWW-Authenticate: Basic realm="…"`, a quoted string of a header.
    private mutating func checkHeaderText(_ text: Located<String>, _ what: String) {
        if text.value.isEmpty {
            log.error("\(what) is empty", at: text.location)
        } else if !text.value.unicodeScalars.allSatisfy({
            (0x20...0x7E).contains($0.value) && !"\"\\".unicodeScalars.contains($0)
        }) {
            log.error(
                "\(what) '\(text.value)' cannot be sent in a header: use printable ASCII characters other than '\"' and '\\'",
                at: text.location
            )
        }
    }

    /// The URL of the pages that explain error codes: each is this URL, `/` and the code.
    mutating func lowerMoreInfo() -> String? {
        guard let moreInfo = spec.errors?.moreInfo else { return nil }
        let url = moreInfo.value
        if !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
            log.error("errors.moreInfo must be an http:// or https:// URL, found '\(url)'", at: moreInfo.location)
        } else if url.contains(where: {
            $0.isWhitespace || $0.unicodeScalars.contains { $0.properties.generalCategory == .control }
        }) {
            log.error("errors.moreInfo must be a URL without spaces, found '\(url)'", at: moreInfo.location)
        } else if url.hasSuffix("/") {
            log.error(
                "errors.moreInfo must not end with '/': an error's more_info is this URL, '/' and its code",
                at: moreInfo.location
            )
        }
        return url
    }

    /// Words a CLI heading spells as the spec writes them: letters and digits, each once.
    mutating func lowerAcronyms() -> [String] {
        var seen: [String: String] = [:]
        var result: [String] = []
        for acronym in spec.acronyms {
            let word = acronym.value
            guard !word.isEmpty, word.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
                word.contains(where: \.isLetter)
            else {
                log.error(
                    "acronym '\(word)' must be letters and digits, with at least one letter",
                    at: acronym.location
                )
                continue
            }
            if let first = seen[word.lowercased()] {
                log.error("duplicate acronym '\(word)' (as '\(first)')", at: acronym.location)
                continue
            }
            seen[word.lowercased()] = word
            result.append(word)
        }
        return result
    }

    /// The account parameter: a path parameter of one SID type wherever it appears.
    private mutating func accountParameter(_ name: Located<String>, resources: [Resource]) -> Auth.AccountParameter? {
        let uses = resources.flatMap(\.operations).flatMap(\.parameters).filter {
            $0.wireName == name.value && $0.location == .path
        }
        guard let first = uses.first else {
            log.error("accountParameter '\(name.value)' is not a path parameter of any operation", at: name.location)
            return nil
        }
        guard first.type.kind == .sid, let prefix = first.type.reference,
            uses.allSatisfy({ $0.type == first.type })
        else {
            log.error(
                "accountParameter '\(name.value)' must be a path parameter of one SID type in every operation",
                at: name.location
            )
            return nil
        }
        return Auth.AccountParameter(wireName: name.value, sidPrefix: prefix)
    }

    mutating func lowerSids() -> [SidType] {
        var result: [SidType] = []
        for (prefix, entity) in spec.sids {
            guard prefix.value.count == 2, prefix.value.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
                log.error("a SID prefix is two capital letters, found '\(prefix.value)'", at: prefix.location)
                continue
            }
            checkTypeName(entity, "a SID's entity")
            let sid = SidType(prefix: prefix.value, entity: entity.value, source: entity.location)
            sids[prefix.value] = sid
            result.append(sid)
        }
        return result
    }

    /// The declared objects, in order: each may use the ones declared before it, so none holds
    /// itself.
    mutating func lowerObjects() -> [ObjectType] {
        var result: [ObjectType] = []
        for raw in spec.objects {
            checkTypeName(raw.name, "an object's name")
            if raw.properties.isEmpty {
                log.error("object '\(raw.name.value)' has no properties", at: raw.name.location)
            }
            let object = ObjectType(
                name: raw.name.value,
                description: raw.description?.value,
                properties: lowerProperties(raw.properties),
                source: raw.name.location
            )
            objects[raw.name.value] = object
            result.append(object)
        }
        return result
    }

    mutating func lowerEnums() -> [EnumType] {
        var result: [EnumType] = []
        for raw in spec.enums {
            checkTypeName(raw.name, "an enum's name")
            if raw.values.isEmpty {
                log.error("enum '\(raw.name.value)' has no values", at: raw.name.location)
            }
            var seen = Set<String>()
            var values: [EnumType.Value] = []
            for value in raw.values {
                guard seen.insert(value.value).inserted else {
                    log.error("duplicate value '\(value.value)' in enum '\(raw.name.value)'", at: value.location)
                    continue
                }
                values.append(EnumType.Value(value: value.value, source: value.location))
            }
            let enumeration = EnumType(
                name: raw.name.value,
                description: raw.description?.value,
                values: values,
                source: raw.name.location
            )
            enums[raw.name.value] = enumeration
            result.append(enumeration)
        }
        return result
    }
}
