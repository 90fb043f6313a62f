using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;

namespace Jewelry.ServiceDefaults.Multipart;

/// <summary>The form, or why it could not be read, with the status code that refusal deserves.</summary>
public sealed record MultipartFormResult(MultipartFormOutcome Outcome, MultipartForm? Form, string? Detail)
{
    [MemberNotNullWhen(true, nameof(Form))]
    [MemberNotNullWhen(false, nameof(Detail))]
    public bool Succeeded => Outcome == MultipartFormOutcome.Read;

    public int StatusCode => Outcome switch
    {
        MultipartFormOutcome.Read => StatusCodes.Status200OK,
        MultipartFormOutcome.NotMultipart => StatusCodes.Status415UnsupportedMediaType,
        MultipartFormOutcome.TooLarge => StatusCodes.Status413PayloadTooLarge,
        _ => StatusCodes.Status400BadRequest,
    };

    public static MultipartFormResult Read(MultipartForm form) => new(MultipartFormOutcome.Read, form, null);

    public static MultipartFormResult Refused(MultipartFormOutcome outcome, string detail) => new(outcome, null, detail);
}
