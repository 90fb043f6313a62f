namespace Jewelry.Dashboard.Api;

/// <summary>Who <c>POST /api/login</c> signed in; the session is in the cookie it set.</summary>
public sealed record LoginResponse(string UserName, string Role);
