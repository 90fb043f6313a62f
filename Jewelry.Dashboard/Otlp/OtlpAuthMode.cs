namespace Jewelry.Dashboard.Otlp;

public enum OtlpAuthMode
{
    Unsecured,
    ApiKey,
}
