using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jewelry.Hosting.LocalData;

/// <summary>
/// The folder the local servers of one AppHost keep their data and logs in: by default a throwaway folder per run under
/// the temp directory (<c>run-&lt;AppHost pid&gt;-&lt;id&gt;</c>, removed when the AppHost stops, and by the next run if the
/// AppHost was killed); with <c>--keep-data</c> the repository's <c>.jewelry/data</c>, so orders and telemetry survive.
/// </summary>
public sealed class LocalDataDirectory
{
    private const string OwnerFileName = "apphost.pid";

    // Traversable but not listable: PostgreSQL, running as its own account, must reach its folder below.
    internal const UnixFileMode TraversableMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    internal const UnixFileMode PrivateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private static readonly ConditionalWeakTable<IDistributedApplicationBuilder, LocalDataDirectory> s_directories = [];

    private const string GeneratedValuesFileName = "generated-values.json";
    private const string SecretAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _generated = new(StringComparer.Ordinal);
    private bool _created;
    private bool _ownedByThisRun;

    private LocalDataDirectory(string path, bool isKept)
    {
        Path = path;
        IsKept = isKept;
    }

    public string Path { get; }

    public bool IsKept { get; }

    public string LogsDirectory => System.IO.Path.Combine(Path, "logs");

    public static string TemporaryRoot => System.IO.Path.Combine(System.IO.Path.GetTempPath(), "jewelry");

    /// <summary>The one data folder of this AppHost; the first call decides it from configuration.</summary>
    public static LocalDataDirectory For(IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return s_directories.GetValue(builder, Create);
    }

    /// <summary>A folder of one resource, created (with the data folder) on first use.</summary>
    public string ResourceDirectory(string resourceName, UnixFileMode mode = PrivateMode)
    {
        EnsureCreated();
        var directory = System.IO.Path.Combine(Path, resourceName);
        Directory.CreateDirectory(directory, mode);
        return directory;
    }

    public void EnsureCreated()
    {
        lock (_lock)
        {
            if (_created)
            {
                return;
            }

            RemoveStaleRuns();
            _ownedByThisRun = !Directory.Exists(Path) || !Directory.EnumerateFileSystemEntries(Path).Any();
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!, TraversableMode);
            Directory.CreateDirectory(Path, TraversableMode);
            ClaimOwnership();
            Directory.CreateDirectory(LogsDirectory, PrivateMode);
            _created = true;
        }
    }

    /// <summary>
    /// A password for a server whose data lives here: generated once, and kept in the folder (mode 600) when the folder
    /// is kept, so a server started again on the same data gets the credentials it was initialised with.
    /// </summary>
    public ParameterResource Password(string parameterName) =>
        new(parameterName, _ => GeneratedValue(parameterName), secret: true);

    private string GeneratedValue(string key)
    {
        lock (_lock)
        {
            if (_generated.TryGetValue(key, out var known))
            {
                return known;
            }

            var file = System.IO.Path.Combine(Path, GeneratedValuesFileName);
            if (IsKept)
            {
                EnsureCreated();
                if (File.Exists(file))
                {
                    foreach (var (name, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file)) ?? [])
                    {
                        _generated.TryAdd(name, value);
                    }
                }
            }

            if (!_generated.TryGetValue(key, out var generated))
            {
                generated = RandomNumberGenerator.GetString(SecretAlphabet, 22);
                _generated[key] = generated;
                if (IsKept)
                {
                    File.WriteAllText(file, JsonSerializer.Serialize(_generated));
                    File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
            }

            return generated;
        }
    }

    /// <summary>Removes a throwaway folder this run created, and says whether it did; a kept one stays.</summary>
    internal bool DeleteIfThrowaway()
    {
        lock (_lock)
        {
            if (_created && _ownedByThisRun && !IsKept)
            {
                DeleteWithRetries(Path);
                _created = false;
                return true;
            }

            return false;
        }
    }

    private static LocalDataDirectory Create(IDistributedApplicationBuilder builder)
    {
        var configured = builder.Configuration[AppHostSettings.DataDirectory];
        var keep = builder.Configuration.GetValue<bool>(AppHostSettings.KeepData);
        var path = configured is { Length: > 0 } ? System.IO.Path.GetFullPath(configured)
            : keep ? System.IO.Path.Combine(RepositoryRoot.Locate(builder.AppHostDirectory), ".jewelry", "data")
            : System.IO.Path.Combine(TemporaryRoot, string.Create(CultureInfo.InvariantCulture, $"run-{Environment.ProcessId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}"));

        var directory = new LocalDataDirectory(path, isKept: keep || configured is { Length: > 0 });

        // First among the hosted services, so it is the last to stop: after Aspire has asked DCP to stop every server.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(services => new LocalDataCleanup(
            directory,
            services.GetRequiredService<ResourceNotificationService>(),
            services.GetRequiredService<ILoggerFactory>())));
        return directory;
    }

    /// <summary>Removes per-run folders left behind by AppHosts that no longer run (killed, crashed).</summary>
    private static void RemoveStaleRuns()
    {
        if (!Directory.Exists(TemporaryRoot))
        {
            return;
        }

        foreach (var directory in Directory.GetDirectories(TemporaryRoot, "run-*"))
        {
            var parts = System.IO.Path.GetFileName(directory).Split('-');
            if (parts.Length == 3
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && pid != Environment.ProcessId
                && !IsOwnerRunning(directory, pid))
            {
                try
                {
                    DeleteWithRetries(directory);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    // Best effort: the next run tries again.
                }
            }
        }
    }

    private static void DeleteWithRetries(string directory)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (Directory.Exists(directory))
                {
                    Directory.Delete(directory, recursive: true);
                }

                return;
            }
            catch (IOException) when (attempt < 10)
            {
                // Servers that were just stopped or killed (and their children) may still be writing.
                Thread.Sleep(200);
            }
        }
    }

    /// <summary>Two AppHosts sharing the kept data folder would corrupt each other's servers.</summary>
    private void ClaimOwnership()
    {
        var ownerFile = System.IO.Path.Combine(Path, OwnerFileName);
        if (ReadOwner(ownerFile) is { } owner && owner.Pid != Environment.ProcessId && IsOwnerRunning(Path, owner.Pid))
        {
            throw new DistributedApplicationException(
                $"Another AppHost (pid {owner.Pid}) is using the data folder {Path}. Stop it first, or run without --keep-data.");
        }

        var self = Environment.ProcessId;
        File.WriteAllText(ownerFile, string.Create(CultureInfo.InvariantCulture, $"{self} {ProcessTable.StartTime(self)}"));
    }

    /// <summary>
    /// The owner file holds the AppHost's PID and start time, so a PID reused by an unrelated process does not
    /// look like a running AppHost; without the file, the PID alone decides.
    /// </summary>
    private static bool IsOwnerRunning(string directory, int pid)
    {
        var owner = ReadOwner(System.IO.Path.Combine(directory, OwnerFileName));
        return ProcessTable.IsRunning(pid)
            && (owner is not { StartTime: { } startTime } || owner.Value.Pid != pid || ProcessTable.StartTime(pid) == startTime);
    }

    private static (int Pid, long? StartTime)? ReadOwner(string ownerFile)
    {
        try
        {
            var fields = File.ReadAllText(ownerFile).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (fields.Length > 0 && int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                return (pid, fields.Length > 1 && long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var start) ? start : null);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // No owner file: nobody claimed the folder.
        }

        return null;
    }
}
