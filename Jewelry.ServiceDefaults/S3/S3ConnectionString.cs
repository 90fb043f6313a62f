using System.Data.Common;

namespace Jewelry.ServiceDefaults.S3;

/// <summary>
/// <c>Endpoint=http://127.0.0.1:4569;AccessKey=...;SecretKey=...;Bucket=models</c>; keys are case-insensitive.
/// </summary>
public sealed class S3ConnectionString
{
    public required Uri Endpoint { get; init; }

    public required string AccessKey { get; init; }

    public required string SecretKey { get; init; }

    public required string Bucket { get; init; }

    public static S3ConnectionString Parse(string connectionString)
    {
        var parts = new DbConnectionStringBuilder { ConnectionString = connectionString };

        string Required(string key) => parts.TryGetValue(key, out var value) && value is string text && text.Length > 0
            ? text
            : throw new FormatException($"The S3 connection string has no '{key}'.");

        return new S3ConnectionString
        {
            Endpoint = Uri.TryCreate(Required(nameof(Endpoint)), UriKind.Absolute, out var endpoint)
                ? endpoint
                : throw new FormatException("The S3 connection string's Endpoint is not an absolute URI."),
            AccessKey = Required(nameof(AccessKey)),
            SecretKey = Required(nameof(SecretKey)),
            Bucket = Required(nameof(Bucket)),
        };
    }

    /// <summary>Everything but the secret.</summary>
    public override string ToString() => $"Endpoint={Endpoint};Bucket={Bucket}";
}
