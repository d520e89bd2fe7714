import Foundation

/// The bundled sample corpus: a real "Daily Papers" listing page's text, which
/// `papergraph build` and `papergraph extract` read when given no input.
public enum Sample {
    /// Path of the bundled `daily-papers.txt`, shipped as a package resource.
    public static var path: String? {
        Bundle.module.path(forResource: "daily-papers", ofType: "txt")
    }
}
