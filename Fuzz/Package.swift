// swift-tools-version:6.0
// libFuzzer targets for nianbao: source bytes → Report → JSON, one executable per input path.
// Build and run with Scripts/fuzz (Linux; needs the toolchain's libFuzzer: `swiftc -sanitize=fuzzer`).
// The script also passes `-Xswiftc -sanitize=fuzzer,address` so the library itself is instrumented
// (coverage feedback from Nianbao's code, AddressSanitizer everywhere Swift runs).
import PackageDescription

let fuzz: [SwiftSetting] = [.unsafeFlags(["-sanitize=fuzzer,address"])]
let link: [LinkerSetting] = [.unsafeFlags(["-sanitize=fuzzer,address"])]

let package = Package(
    name: "nianbao-fuzz",
    dependencies: [.package(name: "nianbao", path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "Nianbao", package: "nianbao")],
                swiftSettings: fuzz),
        .executableTarget(name: "FuzzText", dependencies: ["FuzzSupport"], swiftSettings: fuzz, linkerSettings: link),
        .executableTarget(name: "FuzzHTML", dependencies: ["FuzzSupport"], swiftSettings: fuzz, linkerSettings: link),
        .executableTarget(name: "FuzzPDF", dependencies: ["FuzzSupport"], swiftSettings: fuzz, linkerSettings: link),
    ]
)
