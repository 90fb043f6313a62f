namespace Jewelry.Chaos.Load;

/// <summary>An API refused a step for a reason retrying cannot cure (a 4xx other than 401, 409 or 429).</summary>
public sealed class OrderRefusedException(string message) : Exception(message);
