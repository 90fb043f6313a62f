namespace Jewelry.Hosting;

/// <summary>Tools the resources need are not installed; nothing was started.</summary>
public sealed class MissingPrerequisitesException : DistributedApplicationException
{
    public MissingPrerequisitesException()
    {
    }

    public MissingPrerequisitesException(string message)
        : base(message)
    {
    }

    public MissingPrerequisitesException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MissingPrerequisitesException(IReadOnlyList<string> problems)
        : base("Missing prerequisites; nothing was started." + string.Concat(problems.Select(p => $"{Environment.NewLine}  - {p}")))
    {
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; } = [];
}
