import Testing
@testable import PaperGraphOntology
