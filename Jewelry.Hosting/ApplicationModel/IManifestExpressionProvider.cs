namespace Jewelry.Hosting;

/// <summary>How a value is written in the deployment manifest, e.g. <c>{postgres.connectionString}</c>.</summary>
public interface IManifestExpressionProvider
{
    string ValueExpression { get; }
}
