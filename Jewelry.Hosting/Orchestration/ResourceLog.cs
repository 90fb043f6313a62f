using System.Text.RegularExpressions;

namespace Jewelry.Hosting;

/// <summary>A resource's output: echoed to the console as <c>[name] line</c>, saved to <c>logs/&lt;name&gt;.log</c>, last lines kept for failure messages.</summary>
internal sealed partial class ResourceLog : IDisposable
{
    private const int RememberedLines = 20;

    private readonly string _resourceName;
    private readonly ConsoleReporter _console;
    private readonly StreamWriter _file;
    private readonly Queue<string> _lastLines = new();
    private readonly Lock _lock = new();

    public ResourceLog(string resourceName, string filePath, ConsoleReporter console)
    {
        _resourceName = resourceName;
        _console = console;
        _file = new StreamWriter(new FileStream(filePath, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
    }

    public void Write(string line)
    {
        line = AnsiEscape().Replace(line, string.Empty).TrimEnd();
        if (line.Length == 0)
        {
            return;
        }

        lock (_lock)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > RememberedLines)
            {
                _lastLines.Dequeue();
            }

            try
            {
                _file.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // Output that drains after shutdown has nowhere to go.
            }
        }

        try
        {
            _console.ResourceOutput(_resourceName, line);
        }
        catch (ObjectDisposedException)
        {
            // The caller's writer is gone (the application was disposed).
        }
    }

    public IReadOnlyList<string> LastLines(int count)
    {
        lock (_lock)
        {
            return [.. _lastLines.TakeLast(count)];
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _file.Dispose();
        }
    }

    [GeneratedRegex(@"\x1B\[[0-9;?]*[A-Za-z]")]
    private static partial Regex AnsiEscape();
}
