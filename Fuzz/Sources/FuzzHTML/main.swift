import FuzzSupport

// libFuzzer target: bytes → ReportExtractor (as a .html file) → JSON. See FuzzSupport/FuzzDriver.swift.
runFuzzer(inputPath: "fuzz.html")
