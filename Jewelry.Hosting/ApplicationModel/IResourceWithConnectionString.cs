namespace Jewelry.Hosting;

/// <summary>A resource that other resources reach through <c>ConnectionStrings__&lt;name&gt;</c>.</summary>
public interface IResourceWithConnectionString : IResource, IValueProvider, IManifestExpressionProvider
{
    ReferenceExpression ConnectionStringExpression { get; }

    string IValueProvider.GetValue() => ConnectionStringExpression.GetValue();

    string IManifestExpressionProvider.ValueExpression => $"{{{Name}.connectionString}}";
}
