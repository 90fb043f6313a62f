namespace Jewelry.Tests.Dashboard;

/// <summary>An order of the stage statistics tests: a fresh GUID, and the one trace its spans go to.</summary>
internal sealed record StageOrder(string Id, byte[] TraceId)
{
    public string TraceIdHex => SampleTelemetry.Hex(TraceId);
}
