namespace Jewelry.Chaos.Checking;

/// <summary>A SIGKILL the run sent: which resource, and when.</summary>
public sealed record Kill(string Resource, DateTimeOffset At);
