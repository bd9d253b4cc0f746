import WidgetAPI

/// Prints what the generated code knows, so a test can see a spec change reach the program.
@main
struct WidgetInfo {
    static func main() {
        print("colors: " + Color.allCases.map(\.rawValue).joined(separator: " "))
    }
}
