import Testing
@testable import PaperGraphStore
