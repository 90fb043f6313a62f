namespace Jewelry.Hosting;

/// <summary>
/// A value the deployment supplies, such as a password. Locally it is generated per run (kept with the
/// data folder under --keep-data) unless the local server only accepts a fixed value.
/// </summary>
public sealed class ParameterResource : Resource, IValueProvider, IManifestExpressionProvider
{
    public const int DefaultGeneratedLength = 22;

    public ParameterResource(string name, bool secret, string? fixedLocalValue = null)
        : base(name)
    {
        Secret = secret;
        FixedLocalValue = fixedLocalValue;
    }

    public bool Secret { get; }

    /// <summary>Minimum length of the value a deployment generates (letters and digits).</summary>
    public int GeneratedLength { get; } = DefaultGeneratedLength;

    /// <summary>Used instead of a generated value when running locally.</summary>
    public string? FixedLocalValue { get; }

    public string? Value { get; internal set; }

    public string ValueExpression => $"{{{Name}.value}}";

    public string GetValue() => Value
        ?? throw new InvalidOperationException($"Parameter '{Name}' has no value yet: values are generated when the application starts.");
}
