namespace Jewelry.Hosting;

/// <summary>A resource whose process receives environment variables from references and <c>WithEnvironment</c>.</summary>
public interface IResourceWithEnvironment : IResource
{
    /// <summary>Variables set with <c>WithEnvironment</c>, resolved when the process starts.</summary>
    IDictionary<string, ReferenceExpression> Environment { get; }

    IList<IResource> References { get; }
}
