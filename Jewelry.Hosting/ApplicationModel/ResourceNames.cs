namespace Jewelry.Hosting;

/// <summary>Resource names end up in environment variable names, host names and file names, so keep them plain.</summary>
internal static class ResourceNames
{
    public static void Validate(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!char.IsAsciiLetter(name[0]) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw new ArgumentException(
                $"Resource name '{name}' is invalid: use ASCII letters, digits and '-', starting with a letter.", nameof(name));
        }
    }
}
