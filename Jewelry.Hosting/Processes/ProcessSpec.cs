namespace Jewelry.Hosting;

/// <summary>What to run: the program, its arguments, where, as whom, with which extra environment.</summary>
internal sealed record ProcessSpec(string FileName, IReadOnlyList<string> Arguments)
{
    public string? WorkingDirectory { get; init; }

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Run under this account (PostgreSQL refuses to run as root); null: the AppHost's own user.</summary>
    public UnixUser? RunAs { get; init; }

    /// <summary>Sent first when stopping; SIGKILL follows after the grace period.</summary>
    public int StopSignal { get; init; } = NativeMethods.SIGTERM;

    /// <summary>At least this long between <see cref="StopSignal"/> and SIGKILL, for programs that stop slowly.</summary>
    public TimeSpan MinimumGracePeriod { get; init; } = TimeSpan.Zero;
}
