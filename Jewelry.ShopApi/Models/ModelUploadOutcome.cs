namespace Jewelry.ShopApi.Models;

public enum ModelUploadOutcome
{
    Received,
    TooLarge,
    NotMultipart,
    MissingFile,
    Malformed,
}
