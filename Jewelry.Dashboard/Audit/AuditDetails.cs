namespace Jewelry.Dashboard.Audit;

/// <summary>
/// What an endpoint adds to its request's audit row: the user who signed in during the request (the request's
/// own user is still anonymous then) and a line of detail, such as old and new settings.
/// </summary>
public sealed class AuditDetails
{
    public string? UserName { get; private set; }

    public string? Role { get; private set; }

    public string? Detail { get; set; }

    public static AuditDetails For(HttpContext context)
    {
        var details = context.Features.Get<AuditDetails>();
        if (details is null)
        {
            details = new AuditDetails();
            context.Features.Set(details);
        }

        return details;
    }

    public void Identify(string userName, string role)
    {
        UserName = userName;
        Role = role;
    }
}
