namespace Jewelry.CrmApi.Models;

public enum ModelPresence
{
    Present,
    Missing,
    StoreUnavailable,
}
