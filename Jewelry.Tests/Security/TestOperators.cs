namespace Jewelry.Tests.Security;

/// <summary>The demo operators of the token server's Development settings.</summary>
public static class TestOperators
{
    /// <summary>Role <c>operator</c>: reads and changes.</summary>
    public static readonly OperatorAccount Operator = new("demo-operator", "demo-operator-3c81f5", "op-5d2e9a41");

    /// <summary>Role <c>viewer</c>: reads only.</summary>
    public static readonly OperatorAccount Viewer = new("demo-viewer", "demo-viewer-9a4d27", "op-8b17c3f0");
}
