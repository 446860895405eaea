import FuzzSupport

// libFuzzer target: bytes → ReportExtractor (as a .txt file) → JSON. See FuzzSupport/FuzzDriver.swift.
runFuzzer(inputPath: "fuzz.txt")
