namespace Jewelry.Tests.Hosting;

/// <summary>Test classes in this collection share one started <see cref="InfrastructureFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class InfrastructureCollectionDefinition : ICollectionFixture<InfrastructureFixture>
{
    public const string Name = "Hosting infrastructure";
}
