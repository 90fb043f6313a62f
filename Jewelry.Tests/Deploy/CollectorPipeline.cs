namespace Jewelry.Tests.Deploy;

/// <summary>One pipeline of a collector configuration's <c>service.pipelines</c>.</summary>
internal sealed record CollectorPipeline(string Name, IReadOnlyList<string> Receivers, IReadOnlyList<string> Processors, IReadOnlyList<string> Exporters)
{
    /// <summary><c>traces</c>, <c>metrics</c> or <c>logs</c>: the name up to its first slash.</summary>
    public string Signal => Name.Split('/')[0];
}
