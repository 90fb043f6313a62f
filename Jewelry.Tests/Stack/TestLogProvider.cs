using Jewelry.Tests.Hosting;
using Microsoft.Extensions.Logging;

namespace Jewelry.Tests.Stack;

/// <summary>Writes the AppHost's log (its report, and each resource's console output Aspire forwards) into a <see cref="TestLog"/>.</summary>
internal sealed class TestLogProvider(TestLog log) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new TestLogger(log, categoryName);

    public void Dispose()
    {
    }

    private sealed class TestLogger(TestLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                log.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel,-11} {category}: {formatter(state, exception)}{(exception is null ? string.Empty : $" {exception.GetType().Name}: {exception.Message}")}");
            }
        }
    }
}
