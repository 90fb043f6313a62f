using System.Text;

namespace Jewelry.Tests.Hosting;

/// <summary>Collects what the orchestrator prints, so a failing assertion can show it.</summary>
internal sealed class TestLog : StringWriter
{
    private readonly Lock _lock = new();

    public TestLog()
        : base(new StringBuilder(), System.Globalization.CultureInfo.InvariantCulture)
    {
    }

    public override void Write(char value)
    {
        lock (_lock)
        {
            base.Write(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_lock)
        {
            base.Write(value);
        }
    }

    public override void WriteLine(string? value)
    {
        lock (_lock)
        {
            base.WriteLine(value);
        }
    }

    public override string ToString()
    {
        lock (_lock)
        {
            return base.ToString();
        }
    }
}
