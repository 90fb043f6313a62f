namespace Jewelry.Hosting;

/// <summary>A value known only while the application runs: a port, a generated password, a connection string.</summary>
public interface IValueProvider
{
    string GetValue();
}
