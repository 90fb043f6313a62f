namespace Jewelry.Messaging.Consuming;

public sealed class ConsumerOptions
{
    public const string SectionName = "Messaging:Consumer";

    /// <summary>Processing attempts before a message is dead-lettered. With the default backoff, about 15 s in all: long enough to ride out a database restart.</summary>
    public int MaxAttempts { get; set; } = 5;

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public ushort Prefetch { get; set; } = 8;
}
