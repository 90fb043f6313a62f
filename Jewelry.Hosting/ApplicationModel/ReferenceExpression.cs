using System.Text;

namespace Jewelry.Hosting;

/// <summary>
/// A string made of literal text and values known only at run time (ports, passwords, other connection
/// strings). The same expression yields the local value and the manifest expression, so a connection
/// string is defined once for both.
/// </summary>
public sealed class ReferenceExpression : IValueProvider, IManifestExpressionProvider
{
    private readonly IReadOnlyList<object> _parts;

    internal ReferenceExpression(IReadOnlyList<object> parts) => _parts = parts;

    /// <summary>The values this expression refers to (endpoints, parameters, other resources).</summary>
    public IEnumerable<IValueProvider> ValueProviders => _parts.OfType<IValueProvider>();

    public string ValueExpression => Render(part => ((IManifestExpressionProvider)part).ValueExpression);

    public static ReferenceExpression Create(in ReferenceExpressionBuilder builder) => builder.Build();

    public static ReferenceExpression Literal(string value) => new([value]);

    public string GetValue() => Render(part => ((IValueProvider)part).GetValue());

    public override string ToString() => ValueExpression;

    private string Render(Func<object, string> resolve)
    {
        var text = new StringBuilder();
        foreach (var part in _parts)
        {
            text.Append(part as string ?? resolve(part));
        }

        return text.ToString();
    }
}
