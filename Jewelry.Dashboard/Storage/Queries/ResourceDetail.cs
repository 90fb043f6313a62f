using System.Text.Json;

namespace Jewelry.Dashboard.Storage.Queries;

public sealed record ResourceDetail(string ResourceId, string ServiceName, string? ServiceInstanceId, JsonElement Attributes);
