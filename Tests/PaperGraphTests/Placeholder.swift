import Testing
@testable import PaperGraph
