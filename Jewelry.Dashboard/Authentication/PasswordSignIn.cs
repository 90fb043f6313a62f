using Jewelry.Dashboard.Audit;

namespace Jewelry.Dashboard.Authentication;

/// <summary>
/// A configured user's name and password for a session, as the login form and <c>POST /api/login</c> take them:
/// throttled per user name, and refusals of a known user written to the audit log with the reason.
/// </summary>
public sealed class PasswordSignIn(UserDirectory users, SignInThrottle throttle, ILogger<PasswordSignIn> logger)
{
    public async Task<PasswordSignInResult> SignInAsync(HttpContext context, string userName, string password)
    {
        if (throttle.TryAttempt(userName) is { } lockedFor)
        {
            Audit(context, userName, "sign-in refused: locked after too many failed sign-ins");
            logger.LogWarning("Sign-in refused: the user name is locked for {Seconds:0} s after too many failed sign-ins", lockedFor.TotalSeconds);
            return new PasswordSignInResult(null, lockedFor);
        }

        var user = users.Authenticate(userName, password);
        if (user is null)
        {
            Audit(context, userName, "sign-in refused: wrong password");
            logger.LogWarning("Sign-in refused: unknown user name or wrong password");
            return new PasswordSignInResult(null, null);
        }

        throttle.RecordSuccess(userName);
        await DashboardSession.SignInAsync(context, user.Name, user.Role, SignInMethod.Password);
        return new PasswordSignInResult(user, null);
    }

    /// <summary>Failed sign-ins with an unknown name are not audited: the name field sometimes holds a password.</summary>
    private void Audit(HttpContext context, string userName, string detail)
    {
        if (users.Find(userName) is { } known)
        {
            var audit = AuditDetails.For(context);
            audit.Identify(known.Name, known.Role);
            audit.Detail = detail;
        }
    }
}
