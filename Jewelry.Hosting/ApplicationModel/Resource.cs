namespace Jewelry.Hosting;

/// <summary>Base of every resource: a name plus what the builder extensions attach to it.</summary>
public abstract class Resource : IResource
{
    protected Resource(string name)
    {
        ResourceNames.Validate(name);
        Name = name;
    }

    public string Name { get; }

    /// <summary>Resources that must be healthy before this one starts.</summary>
    public IList<IResource> WaitsFor { get; } = [];

    /// <summary>How long the resource may take from launch to its first passing health probe.</summary>
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public override string ToString() => Name;
}
