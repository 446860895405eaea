// swift-tools-version:6.0
//
// Targets follow the dependency lines (see README, "Using the library"):
//   NianbaoCore      the text pipeline: model, normalize, layout, outline, tables, checks, JSON; no C library
//   NianbaoPDF       PDF pages → glyphs and rulings (poppler-glib)
//   NianbaoHTML      HTML pages → grids (libxml2)
//   NianbaoOCR       scanned pages and page images → words with boxes (tesseract, leptonica)
//   Nianbao          the façade: ReportExtractor picks a DocumentReader by content; SHA-256 (swift-crypto)
//   NianbaoDatasets  batches, CSV, SQLite (GRDB), Stata/SPSS (ReadStat)
//   NianbaoInspect   `extract inspect`: a self-contained HTML page showing where each value came from
//   extract          the command-line tool (swift-argument-parser)
// The executables (extract, nianbao-bench) allocate through jemalloc (README, "Design decisions worth
// knowing"); the libraries leave the allocator to the program that links them.
// Linux only: the batch uses /proc, prctl and Glibc.
import PackageDescription

/// jemalloc (`libjemalloc-dev`) in place of glibc's malloc for the whole process: the text path allocates
/// and frees a few thousand small blocks a report, and about 10% more reports a second go through.
let jemalloc = LinkerSetting.linkedLibrary("jemalloc", .when(platforms: [.linux]))

let package = Package(
    name: "nianbao",
    products: [
        .library(name: "Nianbao", targets: ["Nianbao"]),
        .library(name: "NianbaoCore", targets: ["NianbaoCore"]),
        .executable(name: "extract", targets: ["extract"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CPoppler",
            pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev", "poppler-data", "pkg-config"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev", "pkg-config"])]
        ),
        .systemLibrary(
            name: "CTesseract",
            pkgConfig: "tesseract",
            providers: [.apt(["libtesseract-dev", "libleptonica-dev", "tesseract-ocr-chi-sim", "pkg-config"])]
        ),
        .systemLibrary(
            name: "CReadStat",
            providers: [.apt(["libreadstat-dev"])]
        ),
        .systemLibrary(
            name: "CArchive",
            pkgConfig: "libarchive",
            providers: [.apt(["libarchive-dev", "pkg-config"])]
        ),
        // Drops text from the cairo script surfaces the ruling reader records (see its .c file).
        .target(name: "CCairoGlyphFilter", linkerSettings: [.linkedLibrary("dl")]),
        .target(name: "NianbaoCore"),
        .target(name: "NianbaoPDF", dependencies: ["NianbaoCore", "CPoppler", "CCairoGlyphFilter"]),
        // Counts libxml2's failed allocations (see its header).
        .target(name: "CXMLAllocation"),
        .target(name: "NianbaoHTML", dependencies: ["NianbaoCore", "CLibXML2", "CXMLAllocation"]),
        .target(name: "NianbaoOCR", dependencies: ["NianbaoCore", "NianbaoPDF", "CTesseract"]),
        .target(name: "NianbaoArchive", dependencies: ["NianbaoCore", "CArchive"]),
        .target(name: "NianbaoOffice", dependencies: ["NianbaoCore", "NianbaoArchive", "NianbaoHTML", "CLibXML2"]),
        .target(name: "NianbaoOFD", dependencies: ["NianbaoCore", "NianbaoArchive", "NianbaoOffice", "NianbaoPDF"]),
        .target(
            name: "Nianbao",
            dependencies: [
                "NianbaoCore", "NianbaoPDF", "NianbaoHTML", "NianbaoOCR", "NianbaoArchive", "NianbaoOffice", "NianbaoOFD",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "NianbaoDatasets",
            dependencies: [
                "Nianbao", "CReadStat", "NianbaoArchive",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .target(name: "NianbaoInspect", dependencies: ["Nianbao", "NianbaoPDF"]),
        .executableTarget(
            name: "extract",
            dependencies: [
                "Nianbao", "NianbaoDatasets", "NianbaoInspect",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: [jemalloc]
        ),
        .executableTarget(
            name: "nianbao-bench",
            dependencies: ["Nianbao", "NianbaoCore", "NianbaoPDF", "NianbaoHTML", "NianbaoDatasets"],
            path: "Sources/nianbao-bench",
            linkerSettings: [jemalloc]
        ),
        .testTarget(
            name: "NianbaoTests",
            dependencies: [
                "Nianbao", "NianbaoCore", "NianbaoPDF", "NianbaoHTML", "NianbaoOCR", "NianbaoArchive", "NianbaoOffice", "NianbaoOFD", "NianbaoDatasets", "NianbaoInspect", "extract",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
    ]
)
