namespace Jewelry.Tests.Tracing;

[CollectionDefinition(Name)]
public sealed class UnsampledStackCollectionDefinition : ICollectionFixture<UnsampledStackFixture>
{
    public const string Name = "Whole stack, sampling ratio 0";
}
