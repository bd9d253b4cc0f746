import Testing

@testable import GenServerRuntime

/// The methods a 405's `Allow` lists: those of the route Hummingbird's router resolves a path
/// to, which is the most specific template where templates overlap.
@Suite struct OperationRouteTests {
    static let routes = [
        OperationRoute(.get, "/classes"),
        OperationRoute(.post, "/classes/{in}/{self}"),
        OperationRoute(.delete, "/classes/{where}"),
        OperationRoute(.put, "/classes/{where}/replacement"),
        OperationRoute(.patch, "/classes/{where}"),
        OperationRoute(.get, "/Domains/{Sid}.json"),
        OperationRoute(.post, "/Domains/{Sid}.json"),
        OperationRoute(.get, "/Domains/{Sid}"),
        OperationRoute(.get, "/v1/Services/{Sid}/Configuration/Items"),
    ]

    @Test(arguments: [
        // Literal text wins over a placeholder: POST is never routed to /classes/{in}/{self} here.
        ("/classes/5/replacement", "PUT"),
        ("/classes/5/AC0123456789abcdef0123456789abcdef", "POST"),
        // Placeholders named differently at one place are one node of the router's trie.
        ("/classes/5", "DELETE, PATCH"),
        ("/classes", "GET"),
        // A placeholder with text around it wins over a bare one.
        ("/Domains/SD1.json", "GET, POST"),
        ("/Domains/SD1", "GET"),
        // Only the beginning of a longer template: the router resolves no route.
        ("/v1/Services/XX1/Configuration", ""),
        ("/nowhere/at/all", ""),
    ])
    func allowListsTheMethodsOfTheMostSpecificTemplate(path: String, allow: String) {
        let methods = OperationRoute.allowedMethods(for: path, in: Self.routes)
        #expect(methods.map(\.rawValue).joined(separator: ", ") == allow)
    }
}
