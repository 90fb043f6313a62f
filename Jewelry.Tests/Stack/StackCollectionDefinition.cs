namespace Jewelry.Tests.Stack;

/// <summary>Test classes in this collection share one running stack (<see cref="StackFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class StackCollectionDefinition : ICollectionFixture<StackFixture>
{
    public const string Name = "Whole stack";
}
