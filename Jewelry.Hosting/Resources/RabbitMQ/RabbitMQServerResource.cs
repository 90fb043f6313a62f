namespace Jewelry.Hosting;

/// <summary>A RabbitMQ broker; locally the Debian package runs with its own node name, ports and data folder.</summary>
public sealed class RabbitMQServerResource : Resource, IResourceWithConnectionString, IResourceWithEndpoints
{
    public const string PrimaryEndpointName = "tcp";
    public const string ManagementEndpointName = "management";
    public const string UserName = "guest";

    private readonly List<EndpointAnnotation> _endpoints = [];

    public RabbitMQServerResource(string name, ParameterResource password)
        : base(name)
    {
        PasswordParameter = password;
        _endpoints.Add(new EndpointAnnotation(PrimaryEndpointName, "tcp", targetPort: 5672));
        PrimaryEndpoint = new EndpointReference(this, PrimaryEndpointName);
        StartupTimeout = TimeSpan.FromSeconds(120);
    }

    public ParameterResource PasswordParameter { get; }

    public IReadOnlyList<EndpointAnnotation> Endpoints => _endpoints;

    public EndpointReference PrimaryEndpoint { get; }

    public bool ManagementPluginEnabled { get; private set; }

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"amqp://{UserName}:{PasswordParameter}@{PrimaryEndpoint.Property(EndpointProperty.Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)}");

    internal void EnableManagementPlugin()
    {
        if (!ManagementPluginEnabled)
        {
            ManagementPluginEnabled = true;
            _endpoints.Add(new EndpointAnnotation(ManagementEndpointName, "http", targetPort: 15672));
        }
    }
}
