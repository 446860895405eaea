/// The version of nianbao (the library and the `extract` tool).
public enum NianbaoVersion {
    public static let string = "0.1.0"
}
