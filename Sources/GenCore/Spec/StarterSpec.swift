/// The spec `gen init NAME` writes: a small API of one resource, `Note`, with a property of each
/// common type and the five operations, every key it uses explained in a comment, to be edited
/// into the API its author has in mind. Its keys are documented in `Specs/README.md`.
public enum StarterSpec {
    /// Whether `name` can name the starter's API: UpperCamelCase, an ASCII capital letter then
    /// letters and digits, since it names the spec's file and the generated types (`NotebookAPI`),
    /// and none of the starter's own names (`Notes`, the plural of its resource). Nil when it can,
    /// else what is wrong, with a name to use instead when one can be made of it.
    public static func problem(withName name: String) -> String? {
        guard !name.isEmpty else { return "the name is empty; give the API's name, such as Notebook" }
        let isUpperCamelCase =
            name.first!.isASCII && name.first!.isUppercase
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        guard isUpperCamelCase else {
            let rule =
                "an API's name is UpperCamelCase: a capital letter (A-Z), then letters and digits, such as Notebook"
            let suggestion = Namer.typeName(name)
            guard suggestion != name, problem(withName: suggestion) == nil else {
                return "'\(name)' cannot name an API: \(rule)"
            }
            return "'\(name)' cannot name an API: \(rule); did you mean '\(suggestion)'?"
        }
        // Only a spec gen generates from is written.
        if case .failure(let error) = Generator.plan(of: .init(path: name + ".yaml", text: text(name: name))) {
            let problems = error.diagnostics.map(\.message).joined(separator: "; ")
            return "an API named '\(name)' clashes with the starter's resource, Note: \(problems); "
                + "give the API another name"
        }
        return nil
    }

    /// The spec's text for the API `name`: one that `problem(withName:)` accepts, for a spec
    /// that generates.
    public static func text(name: String) -> String {
        template
            .replacingOccurrences(of: "{{name}}", with: name)
            .replacingOccurrences(of: "{{NAME}}", with: name.uppercased())
    }

    private static let template = """
        # The {{name}} API: a starter spec written by `gen init {{name}}`. Edit it into your own API.
        # Every key is documented in gen's Specs/README.md. gen checks the whole spec and reports
        # each problem as FILE:LINE:COLUMN: error: …

        # The API's name, UpperCamelCase. The generated types are named after it: {{name}}API (the
        # client), {{name}}Handler (the protocol a server implements), InMemory{{name}} (a server
        # that keeps everything in memory).
        name: {{name}}
        # A human title and what the API is for; they document the generated code.
        title: {{name}}
        description: Notes to keep, each with a title, a priority, a color and a day it is due.
        # Where requests go: https://, or http:// for a server on this machine. A client can be
        # given another base URL, such as a local server's.
        baseUrl: https://api.example.com

        # How requests authenticate: here a bearer token (Authorization: Bearer …). `name` says what
        # the credential is called, and names the client's argument (apiToken:); a client not given
        # one reads it from the environment variable `env`.
        auth:
          scheme: bearer
          token:
            name: API Token
            env: {{NAME}}_TOKEN

        # Identifiers (SIDs): a two-letter prefix in capitals and the entity it identifies. A SID is
        # the prefix and 32 hexadecimal digits (NT0123…), and each kind is a Swift type of its own
        # (NoteSid).
        sids:
          NT: Note

        # Named enums: `values` are the values as they are on the wire, each becoming a Swift case
        # (yellow → .yellow). A value the API adds later still decodes.
        enums:
          NoteColor:
            description: The color a note is shown in.
            values: [yellow, green, blue]

        # The resources, by name. Each becomes a model type (Note), and its operations become the
        # client's methods (notes.create, …) and the methods of the server's protocol.
        resources:
          Note:
            # The plural, UpperCamelCase: the client's accessor, `notes`.
            plural: Notes
            description: A note to keep.
            # The properties a generated command-line tool shows by default.
            defaultOutput: [sid, title, color]

            # The JSON of one note: wire name → property. `type` is one of gen's types (string,
            # integer, number, boolean, datetime, date, uri, sid<XX>, enum<Name>, arrays, maps,
            # objects); `nullable: true` when the value may be null or absent (an optional in
            # Swift); `description` becomes the doc comment.
            properties:
              sid:
                type: sid<NT>
                description: The note's unique identifier.
              title:
                type: string
                description: What the note says.
              priority:
                type: integer
                nullable: true
                description: How urgent the note is, from 1 (most) to 5 (least).
              pinned:
                type: boolean
                nullable: true
                description: Whether the note stays at the top.
              color:
                type: enum<NoteColor>
                nullable: true
                description: The color the note is shown in.
              due_date:
                type: date
                nullable: true
                description: The day the note is due, such as 2025-06-30.
              date_created:
                type: datetime
                description: When the note was created, in ISO 8601.
              date_updated:
                type: datetime
                description: When the note was last changed, in ISO 8601.

            # A page of notes, as `list` answers: the notes under the key `items`, and the other
            # `fields` of the page, written as properties are. `next` names the field holding the
            # next page's URI, which the client follows to go through every page.
            page:
              items: notes
              next: next_page_uri
              fields:
                page:
                  type: integer
                  description: The index of this page, from 0.
                page_size:
                  type: integer
                  description: How many notes a page holds at most.
                next_page_uri:
                  type: uri
                  nullable: true
                  description: The URI of the next page, or null on the last page.

            # What can be done with notes: name → operation. `method` and `path` (below baseUrl,
            # a {Name} for each path parameter) make the request; `status` is the status code of
            # success; `returns` is what it answers with: resource (one note), page or nothing.
            # `summary` documents it.
            operations:
              create:
                method: POST
                path: /v1/Notes
                status: 201
                returns: resource
                summary: Create a note.
                # The members of the JSON body. A parameter has a `type`, may be `required`, and may
                # be constrained: `maxLength` (and `minLength`, `pattern`) for strings, `minimum`
                # and `maximum` for numbers. The generated server answers 400 to a request that
                # breaks one.
                jsonParameters:
                  title:
                    type: string
                    required: true
                    maxLength: 200
                    description: What the note says, up to 200 characters.
                  priority:
                    type: integer
                    minimum: 1
                    maximum: 5
                    description: How urgent the note is, from 1 (most) to 5 (least).
                  pinned:
                    type: boolean
                    description: Whether the note stays at the top.
                  color:
                    type: enum<NoteColor>
                    description: The color the note is shown in.
                  due_date:
                    type: date
                    description: The day the note is due.

              fetch:
                method: GET
                path: /v1/Notes/{Sid}
                status: 200
                returns: resource
                summary: Fetch a note.
                # The values of the path's placeholders, always required.
                pathParameters:
                  Sid:
                    type: sid<NT>
                    description: The SID of the note to fetch.

              list:
                method: GET
                path: /v1/Notes
                status: 200
                returns: page
                summary: List the notes, a page at a time.
                # Parameters sent in the query string. `default` is the value the server assumes
                # when none is sent.
                queryParameters:
                  PageSize:
                    type: integer
                    minimum: 1
                    maximum: 100
                    default: 50
                    description: How many notes a page holds at most.
                  Page:
                    type: integer
                    minimum: 0
                    description: The index of the page, from 0.
                # Which query parameter sets the page's size (`size`) and which pick a page
                # (`cursors`): the client's `list(limit:)` then goes through every page.
                paging:
                  size: PageSize
                  cursors: [Page]

              update:
                method: PATCH
                path: /v1/Notes/{Sid}
                status: 200
                returns: resource
                summary: Change a note; what the request leaves out stays as it is.
                pathParameters:
                  Sid:
                    type: sid<NT>
                    description: The SID of the note to change.
                jsonParameters:
                  title:
                    type: string
                    maxLength: 200
                    description: What the note says, up to 200 characters.
                  priority:
                    type: integer
                    minimum: 1
                    maximum: 5
                    description: How urgent the note is, from 1 (most) to 5 (least).
                  pinned:
                    type: boolean
                    description: Whether the note stays at the top.
                  color:
                    type: enum<NoteColor>
                    description: The color the note is shown in.
                  due_date:
                    type: date
                    description: The day the note is due.

              delete:
                method: DELETE
                path: /v1/Notes/{Sid}
                status: 204
                returns: nothing
                summary: Delete a note.
                pathParameters:
                  Sid:
                    type: sid<NT>
                    description: The SID of the note to delete.

        """
}
