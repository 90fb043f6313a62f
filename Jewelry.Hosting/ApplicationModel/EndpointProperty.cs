namespace Jewelry.Hosting;

public enum EndpointProperty
{
    Url,
    Host,
    Port,
    TargetPort,
    Scheme,
}
