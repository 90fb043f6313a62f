using Jewelry.Hosting.RabbitMQ;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// A RabbitMQ broker run from the machine's own RabbitMQ (Debian's rabbitmq-server package) as an executable, with
/// the connection string of Aspire's RabbitMQ container: <c>amqp://guest:...@host:port</c>.
/// </summary>
public sealed class LocalRabbitMQServerResource : ExecutableResource, IResourceWithConnectionString
{
    public LocalRabbitMQServerResource(string name, ParameterResource password, string command, string workingDirectory)
        : base(name, command, workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(password);
        PasswordParameter = password;
        PrimaryEndpoint = new EndpointReference(this, LocalRabbitMQNames.PrimaryEndpointName);
    }

    public ParameterResource PasswordParameter { get; }

    public EndpointReference PrimaryEndpoint { get; }

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"amqp://{LocalRabbitMQNames.UserName}:{PasswordParameter}@{PrimaryEndpoint.Property(EndpointProperty.IPV4Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)}");
}
