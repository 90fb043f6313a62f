using System.Runtime.CompilerServices;

namespace Jewelry.Hosting;

/// <summary>Lets <c>ReferenceExpression.Create($"Host={endpoint.Property(EndpointProperty.Host)};...")</c> keep the values unresolved.</summary>
[InterpolatedStringHandler]
public readonly ref struct ReferenceExpressionBuilder
{
    private readonly List<object> _parts;

    public ReferenceExpressionBuilder(int literalLength, int formattedCount)
    {
        _ = literalLength;
        _parts = new List<object>(formattedCount * 2 + 1);
    }

    public void AppendLiteral(string value) => _parts.Add(value);

    public void AppendFormatted(string value) => _parts.Add(value);

    public void AppendFormatted<T>(T value)
        where T : IValueProvider, IManifestExpressionProvider
        => _parts.Add(value);

    internal ReferenceExpression Build() => new(_parts.ToArray());
}
