namespace Jewelry.Hosting.LocalData;

/// <summary>A program a local resource runs is not installed; the message names the command that installs it.</summary>
public sealed class MissingPrerequisiteException : Exception
{
    public const string SetupHint = "./setup.sh";

    public MissingPrerequisiteException()
        : base("A program the resource needs is not installed.")
    {
    }

    public MissingPrerequisiteException(string message)
        : base(message)
    {
    }

    public MissingPrerequisiteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
