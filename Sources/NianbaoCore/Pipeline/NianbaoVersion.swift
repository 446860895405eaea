/// The version of nianbao (the library and the `extract` tool).
package enum NianbaoVersion {
    package static let string = "0.1.0"
}
