namespace Jewelry.Hosting;

/// <summary>Something the application model describes: a server, a database, a service.</summary>
public interface IResource
{
    string Name { get; }
}
