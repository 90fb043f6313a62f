using System.Security.Cryptography;
using System.Text.Json;

namespace Jewelry.Hosting;

/// <summary>
/// Passwords and names generated for a data folder, saved in it (mode 600) so that servers whose data
/// is kept (--keep-data) get the same credentials next time.
/// </summary>
internal sealed class GeneratedValues
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string FileName = "generated-values.json";

    private readonly string _file;
    private readonly Dictionary<string, string> _values;
    private readonly Lock _lock = new();

    public GeneratedValues(string dataDirectory)
    {
        _file = Path.Combine(dataDirectory, FileName);
        _values = File.Exists(_file)
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(_file)) ?? []
            : [];
    }

    public static string NewSecret(int length) => RandomNumberGenerator.GetString(Alphabet, length);

    public string GetOrCreate(string key, Func<string> create)
    {
        lock (_lock)
        {
            if (!_values.TryGetValue(key, out var value))
            {
                value = create();
                _values[key] = value;
                PrivateFile.WriteAllText(_file, JsonSerializer.Serialize(_values));
            }

            return value;
        }
    }
}
