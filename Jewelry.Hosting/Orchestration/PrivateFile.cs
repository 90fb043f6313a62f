namespace Jewelry.Hosting;

/// <summary>Writes files only the AppHost's user can read (they hold passwords), replacing them atomically.</summary>
internal static class PrivateFile
{
    public const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void WriteAllText(string path, string contents)
    {
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = Mode }))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(contents);
        }

        File.SetUnixFileMode(temporary, Mode);
        File.Move(temporary, path, overwrite: true);
    }
}
