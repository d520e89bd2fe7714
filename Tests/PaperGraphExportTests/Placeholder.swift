import Testing
@testable import PaperGraphExport
