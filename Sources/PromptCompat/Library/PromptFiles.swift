import Foundation

/// The prompt files of a library folder: every `.json` file below the root except the suite config,
/// hidden files and folders skipped.
///
/// Symbolic links are followed while they stay inside the root (a prompt keeps the id of the link's
/// path); a link that leads outside it, or nowhere, is refused with an error naming it, so a linked
/// shared-prompts folder never silently vanishes from a run.
///
/// ```swift
/// let found = PromptFiles(under: URL(fileURLWithPath: "prompts"))
/// for problem in found.refusedLinks { print(problem) }   // prompts/shared: error: links to /srv/shared, …
/// ```
struct PromptFiles {
    /// Each prompt file by the path it is reached at, sorted.
    private(set) var files: [URL] = []
    /// One error for each link that was not followed.
    private(set) var refusedLinks: [LibraryDiagnostic] = []

    private let rootPath: String

    /// Walks `root`, which must already be resolved (no link in its own path).
    init(under root: URL) {
        rootPath = root.path
        walk(rootPath, realPath: rootPath, visiting: [rootPath])
        files.sort { $0.path < $1.path }
    }

    private mutating func walk(_ directory: String, realPath: String, visiting: Set<String>) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: directory) else { return }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = directory + "/" + name
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                if name.hasSuffix(".json") { refuse(path, because: "is a link to \(destination(of: path)), which does not exist; fix or remove the link") }
                continue
            }
            var real = realPath + "/" + name
            if isLink(path) {
                real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
                guard real == rootPath || real.hasPrefix(rootPath + "/") else {
                    // Only what would be prompts: a linked README outside the library is none of its business.
                    if isDirectory.boolValue || name.hasSuffix(".json") { refuse(path, because: "is a link to \(real), outside the library folder \(PromptLibrary.displayPath(URL(fileURLWithPath: rootPath))); links are followed only inside it: move or copy the files into the library, or point --prompts at a folder that holds both") }
                    continue
                }
            }
            if isDirectory.boolValue {
                // A link back to a folder being walked would loop for ever.
                guard !visiting.contains(real) else { continue }
                walk(path, realPath: real, visiting: visiting.union([real]))
            } else if name.hasSuffix(".json"), !(directory == rootPath && name == SuiteConfig.fileName) {
                files.append(URL(fileURLWithPath: path))
            }
        }
    }

    private func isLink(_ path: String) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType == .typeSymbolicLink
    }

    private func destination(of path: String) -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
    }

    private mutating func refuse(_ path: String, because reason: String) {
        refusedLinks.append(LibraryDiagnostic(.error, file: PromptLibrary.displayPath(URL(fileURLWithPath: path)), message: reason))
    }
}
