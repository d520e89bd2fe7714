import Testing
@testable import PaperGraphModel
