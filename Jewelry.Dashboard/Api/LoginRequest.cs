namespace Jewelry.Dashboard.Api;

/// <summary>The body of <c>POST /api/login</c>.</summary>
public sealed record LoginRequest(string? UserName, string? Password);
