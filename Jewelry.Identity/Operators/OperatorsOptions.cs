namespace Jewelry.Identity.Operators;

/// <summary>The operators who may sign in, section <c>Identity:Operators</c>.</summary>
public sealed class OperatorsOptions
{
    public const string SectionName = "Identity";

    public List<OperatorAccount> Operators { get; } = [];
}
