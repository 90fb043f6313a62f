using System.Text;
using Jewelry.Dashboard.Authentication;

namespace Jewelry.Tests.Corpus;

/// <summary>
/// The malformed requests for one operation of an OpenAPI document: ids that are not ids and unknown ids, query values
/// of the wrong type or out of range or repeated, bodies that are not JSON or of the wrong shape and types, huge
/// strings and numbers, wrong and missing content types, broken multipart, non-UTF-8 bytes and 10 KB header values.
/// No case is a valid request: each is refused for what is wrong with it, or (a safe request) answered without fault.
/// </summary>
internal static class MalformedRequests
{
    public const int HeaderValueBytes = 10 * 1024;

    private const string Json = "application/json";
    private const string Multipart = "multipart/form-data";

    private static readonly string s_tenKilobytes = new('x', HeaderValueBytes);

    public static IEnumerable<CorpusCase> For(ApiOperation operation, CorpusService service)
    {
        var target = operation.ToString();
        var cases = new List<CorpusCase>();
        cases.AddRange(PathCases(operation, service, target));
        cases.AddRange(QueryCases(operation, service, target));
        if (operation.HasBody)
        {
            cases.AddRange(operation.AcceptsMultipart ? MultipartCases(operation, service, target) : JsonCases(operation, service, target));
        }

        cases.AddRange(HeaderCases(operation, service, target));
        if (service.RequiresCredentials(operation))
        {
            cases.AddRange(CredentialCases(operation, service, target));
        }

        return cases;
    }

    private static IEnumerable<CorpusCase> PathCases(ApiOperation operation, CorpusService service, string target)
    {
        if (operation.PathParameters.Count == 0)
        {
            yield break;
        }

        yield return new(target, "unknown id", UnknownIdExpectation(operation), () => Request(operation, service, UnknownPath(operation)));

        // A value of the wrong form is refused; a free-form string parameter may name nothing, which a safe request may answer.
        var wrongForm = operation.PathParameters.All(p => p.IsUuid) || !operation.IsSafe ? CorpusExpectation.ClientError : CorpusExpectation.NoServerError;
        foreach (var (problem, value) in new[]
        {
            ("id that is not an id", "not-an-id"),
            ("id of 4 KB", new string('a', 4096)),
            ("non-UTF-8 bytes in the id", "%FF%FE%FD"),
            // Not a NUL byte: Kestrel refuses a request target with one before any middleware runs, with a bare 400.
            ("id of quotes and angle brackets", "%22%3Cscript%3E%27"),
        })
        {
            yield return new(target, problem, wrongForm, () => Request(operation, service, Path(operation, _ => value)));
        }
    }

    private static IEnumerable<CorpusCase> QueryCases(ApiOperation operation, CorpusService service, string target)
    {
        var path = KnownPath(operation, service);
        foreach (var parameter in operation.QueryParameters)
        {
            var name = Uri.EscapeDataString(parameter.Name);
            if (parameter.IsInteger)
            {
                foreach (var (problem, query) in new[]
                {
                    ("not a number", $"{name}=ten"),
                    ("out of range (negative)", $"{name}=-1"),
                    ("out of range (beyond 64 bits)", $"{name}=99999999999999999999999"),
                    ("a fraction", $"{name}=1.5"),
                    ("repeated", $"{name}=1&{name}=2"),
                })
                {
                    yield return new(target, $"query {parameter.Name} {problem}", CorpusExpectation.ClientError, () => Request(operation, service, $"{path}?{query}"));
                }
            }
            else
            {
                // A free-text filter may rightly match nothing: a safe request must only not fail.
                var expectation = operation.IsSafe ? CorpusExpectation.NoServerError : CorpusExpectation.ClientError;
                foreach (var (problem, query) in new[]
                {
                    ("of 4 KB", $"{name}={new string('q', 4096)}"),
                    ("of non-UTF-8 bytes", $"{name}=%FF%FE%FD"),
                    ("repeated", $"{name}=a&{name}=b"),
                    ("of a huge number", $"{name}=1e400"),
                })
                {
                    yield return new(target, $"query {parameter.Name} {problem}", expectation, () => Request(operation, service, $"{path}?{query}"));
                }
            }
        }
    }

    private static IEnumerable<CorpusCase> JsonCases(ApiOperation operation, CorpusService service, string target)
    {
        var path = KnownPath(operation, service);
        var properties = operation.BodyProperties;
        var first = properties.Count > 0 ? properties[0].Name : "value";
        var bodies = new List<(string Problem, byte[] Body, string? ContentType)>
        {
            ("body that is not JSON", Utf8("this is not JSON"), Json),
            ("truncated JSON", Utf8($"{{\"{first}\":"), Json),
            ("empty body", [], Json),
            ("JSON array instead of an object", Utf8("[1,2,3]"), Json),
            ("JSON string instead of an object", Utf8("\"text\""), Json),
            ("missing fields and an unknown one", Utf8("{\"corpusUnknownField\":true}"), Json),
            ("JSON nested 10000 deep", Utf8(new string('[', 10000) + new string(']', 10000)), Json),
            ("non-UTF-8 bytes in a JSON string", [.. Utf8($"{{\"{first}\":\""), 0xFF, 0xFE, 0xFD, .. Utf8("\"}")], Json),
            ("every field a huge number", Utf8(Object(properties, _ => "1e400")), Json),
            ("JSON with text/plain", Utf8("{}"), "text/plain"),
            ("JSON without a content type", Utf8("{}"), null),
            ("JSON under a 10 KB content type", Utf8("{}"), $"application/{s_tenKilobytes}"),
        };
        if (properties.Count > 0)
        {
            bodies.Add(("every field of the wrong type", Utf8(Object(properties, WrongType)), Json));
        }

        if (properties.Any(p => p.JsonType == "string"))
        {
            var huge = $"\"{new string('h', 1024 * 1024)}\"";
            bodies.Add(("strings of 1 MB", Utf8(Object(properties, p => p.JsonType == "string" ? huge : WrongType(p))), Json));
        }

        foreach (var (problem, body, contentType) in bodies)
        {
            yield return new(target, problem, CorpusExpectation.ClientError, () => Request(operation, service, path, Content(body, contentType)));
        }
    }

    private static IEnumerable<CorpusCase> MultipartCases(ApiOperation operation, CorpusService service, string target)
    {
        var path = KnownPath(operation, service);
        const string Boundary = "corpus-boundary";
        const string FilePart = "Content-Disposition: form-data; name=\"file\"; filename=\"model.stl\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        var bodies = new List<(string Problem, byte[] Body, string? ContentType)>
        {
            ("multipart whose body uses another boundary", Utf8("--nope\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nsolid"), $"{Multipart}; boundary=other"),
            ("multipart cut short in the file", Utf8($"--{Boundary}\r\n{FilePart}solid cube\r\nfacet"), $"{Multipart}; boundary={Boundary}"),
            ("multipart cut short in the part headers", Utf8($"--{Boundary}\r\nContent-Dispo"), $"{Multipart}; boundary={Boundary}"),
            ("multipart without a boundary", Utf8($"--{Boundary}\r\n{FilePart}solid\r\n--{Boundary}--\r\n"), Multipart),
            ("multipart with a 10 KB boundary", Utf8($"--{Boundary}\r\n{FilePart}solid\r\n--{Boundary}--\r\n"), $"{Multipart}; boundary={s_tenKilobytes}"),
            ("empty multipart body", [], $"{Multipart}; boundary={Boundary}"),
            ("multipart without the file part", Utf8($"--{Boundary}\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n--{Boundary}--\r\n"), $"{Multipart}; boundary={Boundary}"),
            ("multipart part headers of 20 KB", Utf8($"--{Boundary}\r\nX-Padding: {new string('p', 20 * 1024)}\r\n{FilePart}solid\r\n--{Boundary}--\r\n"), $"{Multipart}; boundary={Boundary}"),
            ("multipart part name of non-UTF-8 bytes", [.. Utf8($"--{Boundary}\r\nContent-Disposition: form-data; name=\""), 0xFF, 0xFE, .. Utf8($"\"\r\n\r\nsolid\r\n--{Boundary}--\r\n")], $"{Multipart}; boundary={Boundary}"),
            ("multipart file that is not a model", Utf8($"--{Boundary}\r\n{FilePart}this is not a 3D model\r\n--{Boundary}--\r\n"), $"{Multipart}; boundary={Boundary}"),
            ("multipart file over the size limit", [.. Utf8($"--{Boundary}\r\n{FilePart}"), .. new byte[service.MaxFileBytes + 1], .. Utf8($"\r\n--{Boundary}--\r\n")], $"{Multipart}; boundary={Boundary}"),
            ("JSON instead of multipart", Utf8("{\"file\":\"solid\"}"), Json),
            ("multipart body without a content type", Utf8($"--{Boundary}\r\n{FilePart}solid\r\n--{Boundary}--\r\n"), null),
        };
        foreach (var (problem, body, contentType) in bodies)
        {
            yield return new(target, problem, CorpusExpectation.ClientError, () => Request(operation, service, path, Content(body, contentType)));
        }
    }

    /// <summary>10 KB values in the headers every service reads (trace context, baggage) and in one it does not, on a request already malformed.</summary>
    private static IEnumerable<CorpusCase> HeaderCases(ApiOperation operation, CorpusService service, string target)
    {
        CorpusExpectation expectation;
        Func<HttpRequestMessage> malformed;
        if (operation.PathParameters.Count > 0)
        {
            expectation = UnknownIdExpectation(operation);
            malformed = () => Request(operation, service, UnknownPath(operation));
        }
        else if (operation.HasBody)
        {
            expectation = CorpusExpectation.ClientError;
            malformed = () => Request(operation, service, operation.Route, Content(Utf8("this is not JSON"), operation.AcceptsMultipart ? $"{Multipart}; boundary=b" : Json));
        }
        else if (operation.IsSafe)
        {
            // Nothing else to get wrong: a safe request with odd trace headers is answered, the headers ignored.
            expectation = CorpusExpectation.NoServerError;
            malformed = () => Request(operation, service, operation.Route);
        }
        else
        {
            // An unsafe request with no inputs is valid whatever its headers say; sending it would change something.
            yield break;
        }

        foreach (var (problem, header, value) in new[]
        {
            ("10 KB traceparent", "traceparent", $"00-{s_tenKilobytes}-01"),
            ("10 KB tracestate", "tracestate", $"jewelry={s_tenKilobytes}"),
            ("10 KB baggage order.id", "baggage", $"order.id={s_tenKilobytes}"),
            ("10 KB unknown header", "X-Corpus-Padding", s_tenKilobytes),
        })
        {
            yield return new(target, problem, expectation, () =>
            {
                var request = malformed();
                request.Headers.TryAddWithoutValidation(header, value);
                return request;
            });
        }
    }

    private static IEnumerable<CorpusCase> CredentialCases(ApiOperation operation, CorpusService service, string target)
    {
        var path = operation.PathParameters.Count > 0 ? UnknownPath(operation) : operation.Route;
        yield return new(target, "no credentials", CorpusExpectation.ClientError, () => new HttpRequestMessage(new HttpMethod(operation.Method), path), Anonymous: true);
        foreach (var (problem, header, value) in new[]
        {
            ("Basic credentials that are not base64", "Authorization", "Basic !!!not-base64!!!"),
            ("Basic credentials without a colon", "Authorization", $"Basic {Convert.ToBase64String(Utf8("no-colon-here"))}"),
            ("10 KB Authorization header", "Authorization", $"Basic {s_tenKilobytes}"),
            ("10 KB session cookie", "Cookie", $"{DashboardAuthenticationExtensions.CookieName}={s_tenKilobytes}"),
        })
        {
            yield return new(target, problem, CorpusExpectation.ClientError, () =>
            {
                var request = new HttpRequestMessage(new HttpMethod(operation.Method), path);
                request.Headers.TryAddWithoutValidation(header, value);
                return request;
            }, Anonymous: true);
        }
    }

    private static CorpusExpectation UnknownIdExpectation(ApiOperation operation) =>
        operation.PathParameters.All(p => p.IsUuid) && !operation.HasBody ? CorpusExpectation.NotFound
        : operation.IsSafe ? CorpusExpectation.NoServerError
        : CorpusExpectation.ClientError;

    private static string UnknownPath(ApiOperation operation) =>
        Path(operation, p => p.IsUuid ? Guid.NewGuid().ToString() : Guid.NewGuid().ToString("N"));

    private static string KnownPath(ApiOperation operation, CorpusService service) =>
        Path(operation, p => service.KnownValues.TryGetValue(p.Name, out var known) ? known : Guid.NewGuid().ToString());

    private static string Path(ApiOperation operation, Func<ApiParameter, string> value) =>
        operation.PathParameters.Aggregate(operation.Route, (route, p) => route.Replace($"{{{p.Name}}}", value(p), StringComparison.Ordinal));

    private static HttpRequestMessage Request(ApiOperation operation, CorpusService service, string pathAndQuery, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(new HttpMethod(operation.Method), pathAndQuery) { Content = content };
        if (service.RequiresCredentials(operation))
        {
            service.AddCredentials(request);
        }

        return request;
    }

    private static ByteArrayContent Content(byte[] body, string? contentType)
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return content;
    }

    private static string Object(IReadOnlyList<ApiProperty> properties, Func<ApiProperty, string> value) =>
        "{" + string.Join(",", properties.Select(p => $"\"{p.Name}\":{value(p)}")) + "}";

    private static string WrongType(ApiProperty property) => property.JsonType switch
    {
        "string" => "12345",
        "integer" or "number" => "\"twelve\"",
        "boolean" => "\"maybe\"",
        "array" => "{\"not\":\"an array\"}",
        _ => "[1,2]",
    };

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
