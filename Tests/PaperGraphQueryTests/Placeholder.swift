import Testing
@testable import PaperGraphQuery
