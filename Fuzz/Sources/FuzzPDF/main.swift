import FuzzSupport

// libFuzzer target: bytes → ReportExtractor (as a .pdf file) → JSON. See FuzzSupport/FuzzDriver.swift.
runFuzzer(inputPath: "fuzz.pdf")
