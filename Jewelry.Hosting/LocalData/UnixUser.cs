using System.Globalization;
using System.Runtime.InteropServices;

namespace Jewelry.Hosting.LocalData;

/// <summary>A local account, looked up in /etc/passwd (enough for the system accounts Debian packages create).</summary>
internal sealed record UnixUser(string Name, uint UserId, uint GroupId)
{
    public static bool IsRoot => NativeMethods.GetEffectiveUserId() == 0;

    public static UnixUser? Find(string name)
    {
        if (!File.Exists("/etc/passwd"))
        {
            return null;
        }

        foreach (var line in File.ReadLines("/etc/passwd"))
        {
            var fields = line.Split(':');
            if (fields.Length > 3 && fields[0] == name)
            {
                return new UnixUser(name, uint.Parse(fields[2], CultureInfo.InvariantCulture), uint.Parse(fields[3], CultureInfo.InvariantCulture));
            }
        }

        return null;
    }

    /// <summary>Gives a file or folder to this user (not recursive: call it on what you create).</summary>
    public void Own(string path)
    {
        if (NativeMethods.Chown(path, UserId, GroupId) != 0)
        {
            throw new IOException($"Cannot give {path} to user {Name}: errno {Marshal.GetLastPInvokeError()}.");
        }
    }
}
