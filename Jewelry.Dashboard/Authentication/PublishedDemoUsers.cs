namespace Jewelry.Dashboard.Authentication;

/// <summary>
/// The demo users of appsettings.json, whose passwords the README publishes: anyone may sign in with them, so they
/// are for Development only. They are known by their hashes (salted, so a hash of one's own never matches).
/// </summary>
public static class PublishedDemoUsers
{
    private static readonly HashSet<string> s_publishedHashes = new(StringComparer.Ordinal)
    {
        "pbkdf2-sha256$600000$bzKl0Bkrliwq5INDPvBDPg==$D9V/pnMbnoXlV6sVKPnQz5MBd4k+miBvaM2M5/dYbbs=",
        "pbkdf2-sha256$600000$sVg+0DBMljBv3uslhDoHpg==$/7fBPKwHl1nfqHK8ndYjyjVX+5UEe+7tTA7ciFZC3zU=",
        "pbkdf2-sha256$600000$V4SC6L896eTVvuGwG5bKrg==$guAVPmd2pjA+bU/SvvzWCgMlslsyLolRs6cidN8PHfs=",
    };

    public static bool HasPublishedPassword(ConfiguredUser user) => user.PasswordHash is { } hash && s_publishedHashes.Contains(hash.Trim());
}
