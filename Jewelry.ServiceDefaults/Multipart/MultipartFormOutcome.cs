namespace Jewelry.ServiceDefaults.Multipart;

public enum MultipartFormOutcome
{
    Read,
    NotMultipart,
    TooLarge,
    Malformed,
}
