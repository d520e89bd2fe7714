import Testing
@testable import PaperGraphExtract
