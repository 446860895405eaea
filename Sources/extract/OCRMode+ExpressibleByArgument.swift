import ArgumentParser
import Nianbao

/// `--ocr auto|never|always` (convert and batch-worker).
extension OCRMode: ExpressibleByArgument {}
