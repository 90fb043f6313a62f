namespace Jewelry.Tests.Chaos;

/// <summary>The chaos test kills resources of its stack: it gets one of its own (<see cref="ChaosStackFixture"/>), shared with no other test.</summary>
[CollectionDefinition(Name)]
public sealed class ChaosCollectionDefinition : ICollectionFixture<ChaosStackFixture>
{
    public const string Name = "Chaos stack";
}
