import Foundation

/// Reads typed fields out of a parsed JSON file and turns every mismatch into a ``LibraryDiagnostic``
/// naming the file, the JSON path, the line and column, and what was expected.
struct JSONFieldReader {
    let file: String
    let document: JSONDocument

    init(file: String, document: JSONDocument) {
        self.file = file
        self.document = document
    }

    /// Parses `text`; a syntax error becomes a diagnostic with its line and column.
    init(parsing text: String, file: String) throws(LibraryDiagnostic) {
        do {
            self.init(file: file, document: try JSONDocument(parsing: text))
        } catch {
            throw LibraryDiagnostic(.error, file: file, position: error.position, message: "invalid JSON: \(error.message)")
        }
    }

    func diagnostic(_ path: String, _ message: String, _ severity: LibraryDiagnostic.Severity = .error) -> LibraryDiagnostic {
        LibraryDiagnostic(severity, file: file, jsonPath: path, position: document.position(of: path), message: message)
    }

    func mismatch(_ path: String, expected: String, found value: JSONValue) -> LibraryDiagnostic {
        diagnostic(path, "expected \(expected), found \(value.typeDescription)")
    }

    func object(_ value: JSONValue, at path: String) throws(LibraryDiagnostic) -> JSONObject {
        guard let object = value.objectValue else { throw mismatch(path, expected: "an object", found: value) }
        return object
    }

    func array(_ value: JSONValue, at path: String) throws(LibraryDiagnostic) -> [JSONValue] {
        guard let array = value.arrayValue else { throw mismatch(path, expected: "an array", found: value) }
        return array
    }

    func string(_ value: JSONValue, at path: String) throws(LibraryDiagnostic) -> String {
        guard let string = value.stringValue else { throw mismatch(path, expected: "a string", found: value) }
        return string
    }

    func bool(_ value: JSONValue, at path: String) throws(LibraryDiagnostic) -> Bool {
        guard let bool = value.boolValue else { throw mismatch(path, expected: "true or false", found: value) }
        return bool
    }

    func integer(_ value: JSONValue, at path: String, minimum: Int) throws(LibraryDiagnostic) -> Int {
        guard let int = value.intValue else { throw mismatch(path, expected: "a whole number", found: value) }
        guard int >= minimum else { throw diagnostic(path, "expected a whole number ≥ \(minimum), found \(int)") }
        return int
    }

    func fraction(_ value: JSONValue, at path: String) throws(LibraryDiagnostic) -> Double {
        guard let number = value.numberValue else { throw mismatch(path, expected: "a number from 0 to 1", found: value) }
        guard (0...1).contains(number) else { throw diagnostic(path, "expected a number from 0 to 1, found \(number)") }
        return number
    }

    func strings(_ value: JSONValue, at path: String) throws(LibraryDiagnostic) -> [String] {
        var result: [String] = []
        for (i, element) in try array(value, at: path).enumerated() {
            result.append(try string(element, at: "\(path)[\(i)]"))
        }
        return result
    }

    func stringMap(_ value: JSONValue, at path: String) throws(LibraryDiagnostic) -> [String: String] {
        var result: [String: String] = [:]
        for member in try object(value, at: path) {
            result[member.key] = try string(member.value, at: JSONParser.child(path, member.key))
        }
        return result
    }

    /// Throws for any key of `object` that is not in `known`, naming the keys that are.
    func rejectUnknownKeys(_ object: JSONObject, at path: String, known: [String]) throws(LibraryDiagnostic) {
        for key in object.keys where !known.contains(key) {
            throw diagnostic(JSONParser.child(path, key), "unknown key \"\(key)\"; expected one of: \(known.joined(separator: ", "))")
        }
    }
}
